// Strings of the schools editor, registered beside the points bundle (deep merge, existing keys kept).
import i18n from "i18next";

const zh = {
  points: {
    schoolsEditor: {
      title: "学校与学位",
      add: "新增学校",
      name: "学校名称",
      seats: "学位数",
      x: "坐标 X（米）",
      y: "坐标 Y（米）",
      synthetic: "演示数据（合成）",
      remove: "删除",
      removeConfirm: "从本周期删除该学校？",
      save: "保存",
      submit: "保存学校",
      cancel: "取消",
      allTowns: "全部镇区",
      allGrades: "全部年级",
      count: "所",
      seatsTotal: "学位合计",
      syntheticNote: "标为「合成数据」的学校与坐标为演示用途虚构，非真实学校。",
      readOnly: "只读：仅项目管理员可修改。",
    },
  },
};

const en = {
  points: {
    schoolsEditor: {
      title: "Schools and seats",
      add: "Add a school",
      name: "School",
      seats: "Seats",
      x: "X (m)",
      y: "Y (m)",
      synthetic: "Demo data (synthetic)",
      remove: "Remove",
      removeConfirm: "Remove this school from the cycle?",
      save: "Save",
      submit: "Save the school",
      cancel: "Cancel",
      allTowns: "All towns",
      allGrades: "All grades",
      count: "schools",
      seatsTotal: "Seats in total",
      syntheticNote: "Schools and coordinates marked synthetic are invented for the demo, not real schools.",
      readOnly: "Read-only: only programme admins can change schools.",
    },
  },
};

function addBundles(): void {
  i18n.addResourceBundle("zh-CN", "translation", zh, true, false);
  i18n.addResourceBundle("en", "translation", en, true, false);
}

/** Adds the schools editor's strings to both languages, now or once i18next is initialised. */
export function registerSchoolStrings(): void {
  if (i18n.isInitialized) addBundles();
  else i18n.on("initialized", addBundles);
}

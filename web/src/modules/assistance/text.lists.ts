// UI strings of the public assistance lists page and the case timeline, added under "assistance.*" in both languages.
import i18n from "../../i18n";

const zh: Record<string, string> = {
  "nav.assistanceLists": "低保公示",
  "assistance.lists.version": "版本",
  "assistance.lists.exportXlsx": "导出 XLSX",
  "assistance.lists.exportPdf": "导出 PDF",
  "assistance.lists.search": "按姓名搜索",
  "assistance.lists.members": "家庭人口",
  "assistance.lists.period": "公示期 {{days}} 个工作日：{{start}} 至 {{end}}",
  "assistance.lists.none": "暂无低保公示名单",
  "assistance.lists.status.publicised": "公示中",
  "assistance.lists.status.ended": "公示期已结束",
  "assistance.lists.choose": "选择公示名单",
  "assistance.lists.status.final": "已定稿",
  "assistance.lists.status.superseded": "已被新版本取代",
};

const en: Record<string, string> = {
  "nav.assistanceLists": "Assistance lists",
  "assistance.lists.version": "version",
  "assistance.lists.exportXlsx": "Export XLSX",
  "assistance.lists.exportPdf": "Export PDF",
  "assistance.lists.search": "Search by name",
  "assistance.lists.members": "Household members",
  "assistance.lists.period": "Publicity of {{days}} working days: {{start}} to {{end}}",
  "assistance.lists.none": "No assistance lists published yet",
  "assistance.lists.status.publicised": "In publicity",
  "assistance.lists.status.ended": "Publicity period ended",
  "assistance.lists.choose": "Choose a list",
  "assistance.lists.status.final": "Final",
  "assistance.lists.status.superseded": "Superseded",
};

i18n.addResources("zh-CN", "translation", zh);
i18n.addResources("en", "translation", en);

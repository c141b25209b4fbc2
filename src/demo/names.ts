import type { SeededRandom } from "./random";

const surnames = [
  "陈",
  "黄",
  "李",
  "梁",
  "林",
  "张",
  "王",
  "刘",
  "吴",
  "何",
  "郑",
  "杨",
  "周",
  "罗",
  "谢",
  "冯",
  "邓",
  "曾",
  "彭",
  "肖",
  "蔡",
  "潘",
  "许",
  "卢",
  "钟",
  "朱",
  "胡",
  "赵",
  "郭",
  "苏",
  "叶",
  "徐",
  "孙",
  "马",
  "高",
  "唐",
  "韦",
  "欧阳",
  "司徒",
  "麦",
];
const givenCharacters = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀",
  "霞",
  "平",
  "刚",
  "桂",
  "英",
  "华",
  "玲",
  "建",
  "国",
  "志",
  "文",
  "辉",
  "俊",
  "婷",
  "嘉",
  "欣",
  "浩",
  "宇",
  "晓",
  "彤",
  "梓",
  "琳",
  "子",
  "轩",
  "怡",
  "佳",
  "锦",
  "荣",
  "颖",
  "健",
  "海",
  "燕",
];

/** A plausible Chinese name: a surname plus one or two given-name characters. */
export function demoName(random: SeededRandom, surname = random.pick(surnames)): string {
  const given = random.chance(0.7)
    ? random.pick(givenCharacters) + random.pick(givenCharacters)
    : random.pick(givenCharacters);
  return surname + given;
}

/** A surname (children take the head's). */
export function demoSurname(random: SeededRandom): string {
  return random.pick(surnames);
}

/** A mainland mobile number. */
export function demoMobile(random: SeededRandom): string {
  const prefix = random.pick([
    "130",
    "131",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "152",
    "158",
    "159",
    "177",
    "180",
    "186",
    "188",
    "189",
  ]);
  return prefix + String(random.integer(0, 99_999_999)).padStart(8, "0");
}

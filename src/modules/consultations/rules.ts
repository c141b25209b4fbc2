/** The published moderation rules: a comment is hidden only under one of them, with the reason shown in its place. */
export const moderationRules = [
  { code: "abuse", zh: "辱骂、人身攻击或歧视性言论", en: "Abuse, personal attacks or discrimination" },
  { code: "personal_data", zh: "公开他人个人信息", en: "Publishing someone's personal data" },
  { code: "advertising", zh: "广告或与征求意见无关的推广", en: "Advertising or promotion unrelated to the draft" },
  { code: "unlawful", zh: "违反法律法规的内容", en: "Unlawful content" },
  { code: "duplicate", zh: "同一人重复发布相同内容", en: "The same text posted again by the same person" },
] as const;

export type ModerationRule = (typeof moderationRules)[number]["code"];

/** Whether a code names a published rule. */
export function isModerationRule(code: string): code is ModerationRule {
  return moderationRules.some((rule) => rule.code === code);
}

/**
 * The six 全民 campaigns Zhongshan credits its governance to (../shared/domain/participation-procurement-grants.md),
 * with their owning departments. Loaded by the demo seeds; an admin adds further campaigns through the API.
 */
export const standardCampaigns = [
  {
    code: "xiushen",
    name: "全民修身",
    goal: "倡导崇德向善、修身律己，推动市民文明素养提升 (self-cultivation: civic virtue and conduct)",
    departmentCode: "civilisation_office",
  },
  {
    code: "chuangwen",
    name: "全民创文",
    goal: "人人参与创建全国文明城市，共建整洁有序的城市环境 (a civilised city built by everyone)",
    departmentCode: "civilisation_office",
  },
  {
    code: "zhian",
    name: "全民治安",
    goal: "群防群治，鼓励线索举报和平安志愿服务 (public security: everyone watches, reports and helps)",
    departmentCode: "public_security",
  },
  {
    code: "chuangye",
    name: "全民创业",
    goal: "支持居民创业就业，提供创业指导和志愿帮扶 (entrepreneurship: guidance and volunteer mentoring)",
    departmentCode: "human_resources_social_security",
  },
  {
    code: "jindu",
    name: "全民禁毒",
    goal: "禁毒宣传教育和禁毒志愿服务，建设无毒社区 (anti-drug publicity and volunteering)",
    departmentCode: "public_security",
  },
  {
    code: "gongyi",
    name: "全民公益",
    goal: "人人公益、志愿服务常态化 (public welfare: volunteering as everyday practice)",
    departmentCode: "volunteer_organisations",
  },
] as const;

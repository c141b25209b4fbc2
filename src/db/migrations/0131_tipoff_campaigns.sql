-- A tip-off may carry the 全民 campaign it answers (全民治安, 全民禁毒, …): a nullable reference.
alter table tipoffs add column campaign_id uuid references participation_campaigns(id);
create index tipoffs_campaign on tipoffs(campaign_id) where campaign_id is not null;

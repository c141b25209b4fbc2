-- Where a school applicant lives (issue 15): a resident picks their community (社区/村) instead of typing grid
-- coordinates. A community carries the position of its centre on the city grid that points_schools uses (metres);
-- placement by the nearest-school principle (就近入学, Impl. Art. 9(3)) measures from there. Nullable: a community
-- whose position the 镇区 has not yet recorded cannot be chosen for a school application (a clear refusal).
alter table communities add column x double precision, add column y double precision;
alter table communities add constraint communities_position_whole check ((x is null) = (y is null));

-- The community an application names; its position is copied to home_x/home_y when the application is made, so
-- a later correction of the community's position does not move a ranked applicant.
alter table points_applications add column community_id uuid references communities(id);

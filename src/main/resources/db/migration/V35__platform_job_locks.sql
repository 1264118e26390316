-- Which node runs a scheduled job now (ShedLock, see platform.ClusterJobs): one row per job, held until lock_until.
-- A framework table: no org_id, the jobs themselves go through every organisation.
create table platform_job_lock (
  name       varchar(64) not null,
  lock_until timestamptz not null,
  locked_at  timestamptz not null,
  locked_by  varchar(255) not null,
  constraint platform_job_lock_pk primary key (name)
);

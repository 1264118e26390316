-- Which node runs a scheduled job now (ShedLock, see platform.ClusterJobs): one row per job, held until lock_until.
-- A framework table: no org_id, the jobs themselves go through every organisation. The times are UTC without a zone,
-- as ShedLock writes and compares them with the database's clock (timezone('utc', now())): a timestamptz column would
-- read them in the session's time zone and put every node that is not on UTC an hour or more out.
create table platform_job_lock (
  name       varchar(64) not null,
  lock_until timestamp(3) not null,
  locked_at  timestamp(3) not null,
  locked_by  varchar(255) not null,
  constraint platform_job_lock_pk primary key (name)
);

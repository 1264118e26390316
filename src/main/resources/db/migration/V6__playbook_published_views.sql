-- Views the playbook publishes for read models in other modules.

create view playbook_pipeline_v as
select org_id, id, name, is_default, review_cadence_days from playbook_pipeline;

create view playbook_stage_v as
select org_id, id, pipeline_id, name, position, kind, win_probability, forecast_category from playbook_stage;

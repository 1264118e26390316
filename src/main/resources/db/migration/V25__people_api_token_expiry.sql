-- A personal API token may expire: after expires_at it is refused like a revoked one. Null: it lasts until revoked.
alter table people_api_token add column expires_at timestamptz;

package dev.tandem.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two roles of the embedded database, made by Tandem itself: {@value #OWNER}, which Flyway migrates with and
 * which owns the tables, and {@value #APPLICATION}, which the application's pool connects with: no superuser, no
 * {@code BYPASSRLS}, not the owner of anything, only allowed to read and write rows, so row-level security holds for
 * it. Idempotent: it runs on every start, and on a data directory of an older Tandem, whose tables the superuser
 * owned, it hands them to the owner role.
 */
final class DatabaseRoles {

	static final String OWNER = "tandem_owner";
	static final String APPLICATION = "tandem_app";

	private static final String ENSURE = """
			do $$
			declare
			  r record;
			begin
			  if not exists (select from pg_roles where rolname = 'tandem_owner') then
			    create role tandem_owner login nosuperuser nocreatedb nocreaterole nobypassrls;
			  end if;
			  if not exists (select from pg_roles where rolname = 'tandem_app') then
			    create role tandem_app login nosuperuser nocreatedb nocreaterole nobypassrls noinherit;
			  end if;
			  grant usage, create on schema public to tandem_owner;
			  -- Lets the owner create trusted extensions (pg_trgm, for search) in its migrations, as a database's owner may.
			  execute format('grant create on database %I to tandem_owner', current_database());
			  grant usage on schema public to tandem_app;
			  for r in select c.oid::regclass as name, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
			            where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
			              and c.relowner <> 'tandem_owner'::regrole loop
			    execute format('alter %s %s owner to tandem_owner',
			        case r.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end, r.name);
			  end loop;
			  for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			            where n.nspname = 'public' and p.proowner <> 'tandem_owner'::regrole
			              and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid
			                              and d.deptype = 'e') loop
			    execute format('alter routine %s owner to tandem_owner', r.name);
			  end loop;
			  alter default privileges for role tandem_owner in schema public
			    grant select, insert, update, delete, maintain on tables to tandem_app;
			  alter default privileges for role tandem_owner in schema public grant usage, select on sequences to tandem_app;
			  grant select, insert, update, delete, maintain on all tables in schema public to tandem_app;
			  grant usage, select on all sequences in schema public to tandem_app;
			end
			$$
			""";

	private DatabaseRoles() {
	}

	/** Makes the roles as the database's superuser, at the address of the embedded database. */
	static void ensure(String superuserUrl) {
		try (Connection connection = DriverManager.getConnection(superuserUrl); Statement statement = connection.createStatement()) {
			statement.execute(ENSURE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set up the database roles of the embedded PostgreSQL", ex);
		}
	}
}

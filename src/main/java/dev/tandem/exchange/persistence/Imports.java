package dev.tandem.exchange.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.exchange.EntityKind;
import dev.tandem.exchange.ImportJob;
import dev.tandem.exchange.ImportReport;
import dev.tandem.exchange.ImportSettings;
import dev.tandem.exchange.ImportStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports with their settings, report, progress and counts, and the uploaded files.
 */
@Repository
public class Imports {

	private static final String SELECT = """
			select i.*, u.display_name as created_by_name
			  from exchange_import i join people_user u on u.org_id = i.org_id and u.id = i.created_by
			""";

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Imports(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void insert(UUID orgId, UUID id, EntityKind kind, String fileName, String format, byte[] content,
			ImportSettings settings, List<String> headers, int rows, UUID createdBy) {
		jdbc.sql("""
				insert into exchange_import (org_id, id, kind, file_name, file_format, file_size, status, settings, rows_total, created_by)
				values (:org, :id, :kind, :name, :format, :size, 'UPLOADED', cast(:settings as jsonb), :rows, :by)
				""")
			.param("org", orgId).param("id", id).param("kind", kind.name()).param("name", fileName).param("format", format)
			.param("size", content.length).param("settings", json.writeValueAsString(new Stored(settings, headers)))
			.param("rows", rows).param("by", createdBy).update();
		jdbc.sql("insert into exchange_import_file (org_id, import_id, content) values (:org, :id, :content)")
			.param("org", orgId).param("id", id).param("content", content).update();
	}

	/** Whether an import of the organisation ran to the end (and was not undone). */
	public boolean anyDone(UUID orgId) {
		return jdbc.sql("select exists (select 1 from exchange_import where org_id = :org and status = 'DONE')")
			.param("org", orgId).query(Boolean.class).single();
	}

	public Optional<ImportJob> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where i.org_id = :org and i.id = :id").param("org", orgId).param("id", id).query(this::map).optional();
	}

	public List<ImportJob> list(UUID orgId, int limit) {
		return jdbc.sql(SELECT + " where i.org_id = :org order by i.created_at desc, i.id desc limit :limit")
			.param("org", orgId).param("limit", limit).query(this::map).list();
	}

	public byte[] content(UUID orgId, UUID id) {
		return jdbc.sql("select content from exchange_import_file where org_id = :org and import_id = :id")
			.param("org", orgId).param("id", id).query(byte[].class).single();
	}

	/** New settings; a dry run's report no longer holds for them, so the import goes back to UPLOADED. */
	public boolean saveSettings(UUID orgId, UUID id, ImportSettings settings, List<String> headers, int version) {
		return jdbc.sql("""
				update exchange_import set settings = cast(:settings as jsonb), report = null, status = 'UPLOADED',
				       kind = :kind, version = version + 1
				 where org_id = :org and id = :id and version = :version and status in ('UPLOADED', 'CHECKED', 'FAILED')
				""")
			.param("settings", json.writeValueAsString(new Stored(settings, headers))).param("kind", settings.kind().name())
			.param("org", orgId).param("id", id).param("version", version).update() == 1;
	}

	public void saveReport(UUID orgId, UUID id, ImportReport report) {
		jdbc.sql("""
				update exchange_import set report = cast(:report as jsonb), status = 'CHECKED', rows_total = :rows, error = null,
				       version = version + 1
				 where org_id = :org and id = :id
				""")
			.param("report", json.writeValueAsString(report)).param("rows", report.rows()).param("org", orgId).param("id", id).update();
	}

	/** Claims the import for a run; false when it is not (or no longer) ready to run. */
	public boolean start(UUID orgId, UUID id, Instant now) {
		return jdbc.sql("""
				update exchange_import set status = 'RUNNING', started_at = :now, heartbeat_at = :now, rows_done = 0, error = null,
				       version = version + 1
				 where org_id = :org and id = :id and status = 'CHECKED'
				""").param("now", Timestamp.from(now)).param("org", orgId).param("id", id).update() == 1;
	}

	public void progress(UUID orgId, UUID id, int rowsDone, Instant now) {
		jdbc.sql("update exchange_import set rows_done = :done, heartbeat_at = :now where org_id = :org and id = :id and status = 'RUNNING'")
			.param("done", rowsDone).param("now", Timestamp.from(now)).param("org", orgId).param("id", id).update();
	}

	/** Done, with the run's own report: what it wrote, and the rows it skipped, which may be downloaded afterwards. */
	public void finish(UUID orgId, UUID id, ImportReport report, Instant now) {
		jdbc.sql("""
				update exchange_import set status = 'DONE', rows_done = rows_total, created = :created, updated = :updated,
				       skipped = :skipped, report = cast(:report as jsonb), finished_at = :now, heartbeat_at = :now, version = version + 1
				 where org_id = :org and id = :id
				""")
			.param("created", report.toCreate()).param("updated", report.toUpdate()).param("skipped", report.toSkip())
			.param("report", json.writeValueAsString(report)).param("now", Timestamp.from(now))
			.param("org", orgId).param("id", id).update();
	}

	public void fail(UUID orgId, UUID id, String error, Instant now) {
		jdbc.sql("""
				update exchange_import set status = 'FAILED', error = :error, finished_at = :now, version = version + 1
				 where org_id = :org and id = :id and status = 'RUNNING'
				""").param("error", error).param("now", Timestamp.from(now)).param("org", orgId).param("id", id).update();
	}

	/** Marks runs whose node stopped beating as failed: their transaction died with the node, so nothing of them was written. */
	public int failStale(Instant before, String error) {
		return jdbc.sql("""
				update exchange_import set status = 'FAILED', error = :error, finished_at = now(), version = version + 1
				 where status = 'RUNNING' and heartbeat_at < :before
				""").param("error", error).param("before", Timestamp.from(before)).update();
	}

	public void undone(UUID orgId, UUID id, UUID by, Instant now, java.util.Map<String, Integer> summary) {
		jdbc.sql("""
				update exchange_import set status = 'UNDONE', undone_at = :now, undone_by = :by, version = version + 1,
				       undo_summary = cast(:summary as jsonb)
				 where org_id = :org and id = :id
				""").param("now", Timestamp.from(now)).param("by", by).param("summary", json.writeValueAsString(summary))
			.param("org", orgId).param("id", id).update();
	}

	private ImportJob map(ResultSet rs, int n) throws SQLException {
		Stored stored = json.readValue(rs.getString("settings"), Stored.class);
		String report = rs.getString("report");
		String undo = rs.getString("undo_summary");
		return new ImportJob(rs.getObject("id", UUID.class), EntityKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
				rs.getString("file_format"), rs.getLong("file_size"), ImportStatus.valueOf(rs.getString("status")), stored.settings(),
				stored.headers(), report == null ? null : json.readValue(report, ImportReport.class), rs.getInt("rows_total"),
				rs.getInt("rows_done"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("skipped"), rs.getString("error"),
				rs.getObject("created_by", UUID.class), rs.getString("created_by_name"), instant(rs, "created_at"),
				instant(rs, "finished_at"), instant(rs, "undone_at"), rs.getInt("version"),
				undo == null ? java.util.Map.of() : json.readValue(undo, new tools.jackson.core.type.TypeReference<java.util.Map<String, Integer>>() { }));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	/** The settings column: the settings and the file's headers, which the mapping step offers. */
	record Stored(ImportSettings settings, List<String> headers) {
	}
}

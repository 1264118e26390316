package dev.tandem.exchange.persistence;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.exchange.EntityKind;
import dev.tandem.platform.BulkCopy;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each import wrote (for undo) and the source ids of imported records (so the next import
 * recognises them), written with {@code COPY} in the import's transaction.
 */
@Repository
public class ImportRecords {

	private final JdbcClient jdbc;
	private final BulkCopy copy;

	ImportRecords(JdbcClient jdbc, BulkCopy copy) {
		this.jdbc = jdbc;
		this.copy = copy;
	}

	public Map<EntityKind, Map<String, UUID>> externalIds(UUID orgId, Collection<EntityKind> kinds) {
		Map<EntityKind, Map<String, UUID>> ids = new EnumMap<>(EntityKind.class);
		jdbc.sql("select entity, external_id, record_id from exchange_external_id where org_id = :org and entity = any(:kinds)")
			.param("org", orgId)
			.param("kinds", EntityKind.EXPORT_KINDS.stream().filter(k -> kinds.contains(k) || kinds.contains(EntityKind.ORGANISATION)
					|| List.of(EntityKind.ACCOUNTS, EntityKind.CONTACTS, EntityKind.DEALS).contains(k)).map(Enum::name).toArray(String[]::new))
			.query(rs -> {
				ids.computeIfAbsent(EntityKind.valueOf(rs.getString("entity")), k -> new HashMap<>())
					.put(rs.getString("external_id"), rs.getObject("record_id", UUID.class));
			});
		return ids;
	}

	/**
	 * Per kind, each imported record's source id, for the export to carry: the smallest where an organisation's
	 * imports linked several to one record, so every export names it alike.
	 */
	public Map<EntityKind, Map<UUID, String>> sourceIds(UUID orgId, Collection<EntityKind> kinds) {
		Map<EntityKind, Map<UUID, String>> ids = new EnumMap<>(EntityKind.class);
		jdbc.sql("""
				select entity, record_id, min(external_id) as external_id
				  from exchange_external_id
				 where org_id = :org and entity = any(:kinds)
				 group by entity, record_id
				""")
			.param("org", orgId)
			.param("kinds", kinds.stream().map(Enum::name).toArray(String[]::new))
			.query(rs -> {
				ids.computeIfAbsent(EntityKind.valueOf(rs.getString("entity")), k -> new HashMap<>())
					.put(rs.getObject("record_id", UUID.class), rs.getString("external_id"));
			});
		return ids;
	}

	public void record(UUID orgId, UUID importId, List<Written> written) {
		copy.copy("exchange_import_record", List.of("org_id", "import_id", "entity", "record_id", "action", "before"),
				() -> written.stream().map(w -> new Object[] { orgId, importId, w.entity(), w.recordId(), w.action(), w.before() })
					.iterator());
	}

	public void link(UUID orgId, UUID importId, List<Link> links) {
		List<Link> replacing = links.stream().filter(Link::replacing).toList();
		if (!replacing.isEmpty()) {
			jdbc.sql("""
					delete from exchange_external_id
					 where org_id = :org and (entity, external_id) in (select * from unnest(:entities::text[], :ids::text[]))
					""").param("org", orgId)
				.param("entities", replacing.stream().map(Link::entity).toArray(String[]::new))
				.param("ids", replacing.stream().map(Link::externalId).toArray(String[]::new))
				.update();
		}
		copy.copy("exchange_external_id", List.of("org_id", "entity", "external_id", "record_id", "import_id"),
				() -> links.stream().map(l -> new Object[] { orgId, l.entity(), l.externalId(), l.recordId(), importId }).iterator());
	}

	/** The memberships imports added without a start date in the file, dated from the person's records. */
	public java.util.Set<UUID> datedFromRecords(UUID orgId) {
		return new java.util.HashSet<>(jdbc.sql("""
				select record_id from exchange_import_record
				 where org_id = :org and entity = 'MEMBERSHIP' and action = 'CREATED' and (before::jsonb ->> 'fromRecords') = 'true'
				""").param("org", orgId).query(UUID.class).list());
	}

	public List<Written> written(UUID orgId, UUID importId) {
		return jdbc.sql("select entity, record_id, action, before::text as before from exchange_import_record where org_id = :org and import_id = :id")
			.param("org", orgId).param("id", importId)
			.query((rs, n) -> new Written(rs.getString("entity"), rs.getObject("record_id", UUID.class), rs.getString("action"),
					rs.getString("before")))
			.list();
	}

	/** Forgets what an undone import wrote and the source ids it brought, so the file can be imported again. */
	public void forget(UUID orgId, UUID importId) {
		jdbc.sql("delete from exchange_external_id where org_id = :org and import_id = :id").param("org", orgId).param("id", importId).update();
		jdbc.sql("delete from exchange_import_record where org_id = :org and import_id = :id").param("org", orgId).param("id", importId).update();
	}

	/** A record an import created or changed; {@code before} is the changed record as it was, as JSON. */
	public record Written(String entity, UUID recordId, String action, @Nullable String before) {
	}

	/** A source's id of a record; {@code replacing} an earlier link of the same id to a record that is gone for good. */
	public record Link(String entity, String externalId, UUID recordId, boolean replacing) {
	}
}

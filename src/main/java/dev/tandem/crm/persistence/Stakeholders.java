package dev.tandem.crm.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.crm.Stakeholder;
import dev.tandem.crm.StakeholderRole;
import dev.tandem.crm.Stance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deals' buying groups; last contacted comes from the activities the contact took part in.
 */
@Repository
public class Stakeholders {

	private static final String SELECT = """
			select s.id, s.deal_id, s.contact_id, c.name, c.title, s.role, s.influence, s.stance, s.version,
			       (select max(coalesce(a.occurred_at, a.due_at)) from crm_activity_contact ac
			          join crm_activity a on a.org_id = ac.org_id and a.id = ac.activity_id
			         where ac.org_id = s.org_id and ac.contact_id = s.contact_id and a.done and a.deleted_at is null) as last_contacted
			  from crm_stakeholder s join crm_contact c on c.org_id = s.org_id and c.id = s.contact_id
			""";

	private final JdbcClient jdbc;

	Stakeholders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Stakeholder> ofDeal(UUID orgId, UUID dealId) {
		return jdbc.sql(SELECT + " where s.org_id = :org and s.deal_id = :deal order by s.influence desc, c.name")
			.param("org", orgId).param("deal", dealId).query(Stakeholders::map).list();
	}

	public Optional<Stakeholder> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where s.org_id = :org and s.id = :id").param("org", orgId).param("id", id)
			.query(Stakeholders::map).optional();
	}

	public boolean exists(UUID orgId, UUID dealId, UUID contactId) {
		return jdbc.sql("select exists (select 1 from crm_stakeholder where org_id = :org and deal_id = :deal and contact_id = :contact)")
			.param("org", orgId).param("deal", dealId).param("contact", contactId).query(Boolean.class).single();
	}

	public void insert(UUID orgId, UUID id, UUID dealId, UUID contactId, StakeholderRole role, int influence, Stance stance) {
		jdbc.sql("""
				insert into crm_stakeholder (org_id, id, deal_id, contact_id, role, influence, stance)
				values (:org, :id, :deal, :contact, :role, :influence, :stance)
				""")
			.param("org", orgId).param("id", id).param("deal", dealId).param("contact", contactId).param("role", role.name())
			.param("influence", influence).param("stance", stance.name()).update();
	}

	public boolean update(UUID orgId, UUID id, StakeholderRole role, int influence, Stance stance, int expectedVersion) {
		return jdbc.sql("""
				update crm_stakeholder set role = :role, influence = :influence, stance = :stance, version = version + 1
				 where org_id = :org and id = :id and version = :version
				""")
			.param("role", role.name()).param("influence", influence).param("stance", stance.name()).param("org", orgId)
			.param("id", id).param("version", expectedVersion).update() == 1;
	}

	public void delete(UUID orgId, UUID id) {
		jdbc.sql("delete from crm_stakeholder where org_id = :org and id = :id").param("org", orgId).param("id", id).update();
	}

	private static Stakeholder map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Stakeholder(rs.getObject("id", UUID.class), rs.getObject("deal_id", UUID.class),
				rs.getObject("contact_id", UUID.class), rs.getString("name"), rs.getString("title"),
				StakeholderRole.valueOf(rs.getString("role")), rs.getInt("influence"), Stance.valueOf(rs.getString("stance")),
				Deals.instant(rs, "last_contacted"), rs.getInt("version"));
	}
}

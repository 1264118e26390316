package dev.tandem.people;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.people.persistence.Memberships;
import dev.tandem.platform.RequestMemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one rule of who may see whose data, used by every query that returns people's records.
 * <p>
 * A user sees their own data. A manager sees the data of everyone in the teams they lead and in
 * all teams below those, recursively, including the leaders of those teams. An admin sees the
 * whole organisation. Memberships are dated, so the answer can be asked for any day: a rep who
 * moved teams belonged to the old manager before the move and to the new one from the move on.
 * Nothing ever crosses organisations.
 * <p>
 * Teams follow the same rule ({@link #teamAccess}): a team is seen in full by an admin, its leader and the leader of
 * any team above it; a member sees its aggregates. Person-private data (private notes, reviews, statements, plans) is
 * for the person and whoever is {@linkplain #isInLineOf in their line}. Modules ask these questions here instead of
 * comparing leader ids themselves.
 */
@Service
public class Visibility {

	/**
	 * The teams {@code :manager} leads and every team below them: {@code above} is false on a row of a team they lead
	 * themselves, true on a row reached from a led team above it (a team can have both rows).
	 */
	private static final String LED_TEAMS = """
			with recursive led (id, above) as (
			  select id, false from people_team where org_id = :org and leader_id = :manager
			  union
			  select t.id, true from people_team t join led on t.parent_id = led.id where t.org_id = :org
			)
			""";

	/** How a viewer leads a team of {@link #led}: as its own leader, as leader of a team above it, or both. */
	private record Lead(boolean leader, boolean above) {
	}

	private final JdbcClient jdbc;
	private final Memberships memberships;
	private final Clock clock;

	Visibility(JdbcClient jdbc, Memberships memberships, Clock clock) {
		this.jdbc = jdbc;
		this.memberships = memberships;
		this.clock = clock;
	}

	/** Whether {@code viewer} may see data owned by {@code ownerId} today: their own, or someone they are {@linkplain #isInLineOf in the line of}. */
	public boolean canSee(CurrentUser viewer, UUID ownerId) {
		return viewer.id().equals(ownerId) || isInLineOf(viewer, ownerId);
	}

	/**
	 * Whether {@code viewer} is a line manager of {@code ownerId} today: leads one of the owner's teams or a team above
	 * it, or a team above one the owner leads. Leadership only: an admin who leads no team manages no one, and no one
	 * manages themselves. For "may see this person's private data", ask {@link #isInLineOf}.
	 */
	public boolean manages(CurrentUser viewer, UUID ownerId) {
		return managedUsers(viewer.orgId(), viewer.id(), today(viewer.orgId())).contains(ownerId);
	}

	/**
	 * Whether {@code viewer} stands above {@code personId} today: is an admin of the person's organisation, or one of
	 * the person's {@linkplain #manages line managers}; never the person themselves. The rule for person-private data
	 * (private coaching notes, reviews, compensation statements, growth plans): the person sees their own, and whoever
	 * is in their line sees it too.
	 */
	public boolean isInLineOf(CurrentUser viewer, UUID personId) {
		if (viewer.id().equals(personId)) {
			return false;
		}
		return viewer.isAdmin() ? inOrganisation(viewer.orgId(), personId) : manages(viewer, personId);
	}

	/**
	 * How much of the team {@code viewer} sees today: {@link TeamAccess#FULL} for an admin of the team's organisation,
	 * the team's leader and the leader of any team above it; {@link TeamAccess#MEMBER} for a member of the team
	 * (directly or through a team below it) who is none of those; {@link TeamAccess#NONE} for anyone else, and for a
	 * team of another organisation or an unknown id.
	 */
	public TeamAccess teamAccess(CurrentUser viewer, UUID teamId) {
		if (fullTeams(viewer).contains(teamId)) {
			return TeamAccess.FULL;
		}
		LocalDate today = today(viewer.orgId());
		Set<UUID> own = RequestMemo.get("teams-of/" + viewer.orgId() + "/" + viewer.id() + "/" + today,
				() -> Set.copyOf(memberships.teamsOf(viewer.orgId(), viewer.id(), today)));
		return own.contains(teamId) ? TeamAccess.MEMBER : TeamAccess.NONE;
	}

	/**
	 * The teams {@code viewer} sees in {@linkplain TeamAccess#FULL full}: those they lead and every team below them;
	 * every team of the organisation for an admin.
	 */
	public Set<UUID> fullTeams(CurrentUser viewer) {
		if (viewer.isAdmin()) {
			return RequestMemo.get("team-ids/" + viewer.orgId(), () -> Set.copyOf(jdbc.sql("select id from people_team where org_id = :org")
				.param("org", viewer.orgId()).query(UUID.class).list()));
		}
		return led(viewer).keySet();
	}

	/** Whether {@code viewer} is the team's leader; leadership only, being an admin does not count. */
	public boolean leads(CurrentUser viewer, UUID teamId) {
		Lead lead = led(viewer).get(teamId);
		return lead != null && lead.leader();
	}

	/**
	 * Whether {@code viewer} leads a team above this one, whether or not they lead this one too; leadership only,
	 * being an admin does not count. The manager side of a team: who adjusts its forecast, agrees its goals.
	 */
	public boolean leadsAbove(CurrentUser viewer, UUID teamId) {
		Lead lead = led(viewer).get(teamId);
		return lead != null && lead.above();
	}

	private Map<UUID, Lead> led(CurrentUser viewer) {
		return RequestMemo.get("led/" + viewer.orgId() + "/" + viewer.id(), () -> {
			Map<UUID, Lead> led = new java.util.HashMap<>();
			jdbc.sql(LED_TEAMS + "select id, bool_or(not above) as leader, bool_or(above) as above from led group by id")
				.param("org", viewer.orgId()).param("manager", viewer.id())
				.query((rs, row) -> led.put(rs.getObject("id", UUID.class), new Lead(rs.getBoolean("leader"), rs.getBoolean("above"))))
				.list();
			return java.util.Collections.unmodifiableMap(led);
		});
	}

	/** The users whose data {@code viewer} may see today: themselves and everyone they manage (all, for an admin). */
	public Set<UUID> visibleUsers(CurrentUser viewer) {
		if (viewer.isAdmin()) {
			return new LinkedHashSet<>(jdbc.sql("select id from people_user where org_id = :org order by id")
				.param("org", viewer.orgId()).query(UUID.class).list());
		}
		Set<UUID> visible = new LinkedHashSet<>();
		visible.add(viewer.id());
		visible.addAll(managedUsers(viewer.orgId(), viewer.id(), today(viewer.orgId())));
		return visible;
	}

	/**
	 * The colleagues whose profile (name, e-mail, role, teams) {@code viewer} may look up today: everyone for an admin;
	 * otherwise themselves, everyone they manage, the members of their own teams and their line of managers. A
	 * partner thus sees their department and whoever they lead, not the whole organisation's e-mail addresses.
	 */
	public Set<UUID> directory(CurrentUser viewer) {
		if (viewer.isAdmin()) {
			return visibleUsers(viewer);
		}
		LocalDate today = today(viewer.orgId());
		Set<UUID> directory = new LinkedHashSet<>(visibleUsers(viewer));
		directory.addAll(lineManagers(viewer.orgId(), viewer.id(), today));
		directory.addAll(jdbc.sql("""
				select other.user_id from people_membership mine
				  join people_membership other on other.org_id = mine.org_id and other.team_id = mine.team_id
				 where mine.org_id = :org and mine.user_id = :user
				   and mine.valid_from <= :day and (mine.valid_to is null or mine.valid_to > :day)
				   and other.valid_from <= :day and (other.valid_to is null or other.valid_to > :day)
				""").param("org", viewer.orgId()).param("user", viewer.id()).param("day", today).query(UUID.class).list());
		return directory;
	}

	/** The users that {@code managerId} manages on {@code day}, recursively through the team hierarchy; never themselves. */
	public Set<UUID> managedUsers(UUID orgId, UUID managerId, LocalDate day) {
		return RequestMemo.get("managed/" + orgId + "/" + managerId + "/" + day, () -> queryManagedUsers(orgId, managerId, day));
	}

	private Set<UUID> queryManagedUsers(UUID orgId, UUID managerId, LocalDate day) {
		List<UUID> ids = jdbc.sql(LED_TEAMS + """
				select m.user_id from people_membership m join led on m.team_id = led.id
				 where m.org_id = :org and m.valid_from <= :day and (m.valid_to is null or m.valid_to > :day)
				union
				select t.leader_id from people_team t join led on t.id = led.id
				 where t.org_id = :org and t.leader_id is not null
				""")
			.param("org", orgId).param("manager", managerId).param("day", day)
			.query(UUID.class).list();
		Set<UUID> managed = new HashSet<>(ids);
		managed.remove(managerId);
		return java.util.Collections.unmodifiableSet(managed);
	}

	/** The user's line of managers on {@code day}: the leaders of their teams and of every team above, nearest first. */
	public List<UUID> lineManagers(UUID orgId, UUID userId, LocalDate day) {
		return jdbc.sql("""
				with recursive base as (
				  select team_id as id, 0 as depth from people_membership
				   where org_id = :org and user_id = :user and valid_from <= :day and (valid_to is null or valid_to > :day)
				  union
				  select id, 0 from people_team where org_id = :org and leader_id = :user
				), up as (
				  select t.id, t.parent_id, t.leader_id, b.depth from people_team t join base b on t.id = b.id where t.org_id = :org
				  union
				  select p.id, p.parent_id, p.leader_id, up.depth + 1 from people_team p join up on p.id = up.parent_id where p.org_id = :org
				)
				select leader_id from up where leader_id is not null and leader_id <> :user
				 group by leader_id order by min(depth), leader_id
				""")
			.param("org", orgId).param("user", userId).param("day", day)
			.query(UUID.class).list();
	}

	private boolean inOrganisation(UUID orgId, UUID userId) {
		return jdbc.sql("select exists (select 1 from people_user where org_id = :org and id = :id)")
			.param("org", orgId).param("id", userId).query(Boolean.class).single();
	}

	/** Today in the organisation's time zone. */
	public LocalDate today(UUID orgId) {
		String zone = RequestMemo.get("zone/" + orgId, () -> jdbc.sql("select time_zone from people_organisation where org_id = :org")
			.param("org", orgId).query(String.class).optional().orElse("UTC"));
		return LocalDate.now(clock.withZone(ZoneId.of(zone)));
	}
}

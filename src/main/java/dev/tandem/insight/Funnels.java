package dev.tandem.insight;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.goals.Scope;
import dev.tandem.insight.persistence.FunnelQueries;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Team;
import dev.tandem.platform.Period;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Stage by stage through the default pipeline, for a person or a team over a period. Every public method checks
 * that the viewer may see what it asks for; a member of a team sees only the team's figures and their own.
 */
@Service
public class Funnels {

	private final FunnelQueries funnels;
	private final PlaybookManagement playbook;
	private final OrganisationManagement organisations;
	private final InsightAccess access;
	private final Dashboards dashboards;

	Funnels(FunnelQueries funnels, PlaybookManagement playbook, OrganisationManagement organisations, InsightAccess access,
			Dashboards dashboards) {
		this.funnels = funnels;
		this.playbook = playbook;
		this.organisations = organisations;
		this.access = access;
		this.dashboards = dashboards;
	}

	/** Stage by stage for a scope over a period; a member of a team sees only the team's figures and their own. */
	public Funnel funnel(CurrentUser viewer, Scope scope, Period period) {
		return funnel(viewer, scope, period, true);
	}

	/** As {@link #funnel(CurrentUser, Scope, Period)}, with each person's figures only when {@code perPerson}. */
	public Funnel funnel(CurrentUser viewer, Scope scope, Period period, boolean perPerson) {
		dashboards.requireAccess(viewer, scope);
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Funnel funnel = funnel(viewer, scope, period.startAt(zone), period.endAt(zone), zone, perPerson);
		return restrict(viewer, scope, funnel);
	}

	/** A person's funnel beside the funnel of the team they belong to today (aggregates only). */
	public record PersonFunnel(Funnel person, @Nullable Funnel team, @Nullable Team teamOf) {
	}

	public PersonFunnel personFunnel(CurrentUser viewer, UUID personId, Period period) {
		access.requirePerson(viewer, personId);
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Funnel own = funnel(viewer, Scope.user(personId), period.startAt(zone), period.endAt(zone), zone);
		Team team = dashboards.teamOf(viewer, personId);
		Funnel teamFunnel = team == null ? null : funnel(viewer, Scope.team(team.id()), period.startAt(zone), period.endAt(zone), zone);
		return new PersonFunnel(own, teamFunnel == null ? null : new Funnel(teamFunnel.stages(), Map.of()), team);
	}

	/** The default pipeline, whose stages the funnel shows. */
	public Pipeline pipeline(CurrentUser viewer) {
		return playbook.defaultPipeline(viewer.orgId());
	}

	/** The funnel of a scope over a window, with every person's figures; the caller has checked access. */
	Funnel funnel(CurrentUser viewer, Scope scope, Instant from, Instant to, ZoneId zone) {
		return funnel(viewer, scope, from, to, zone, true);
	}

	private Funnel funnel(CurrentUser viewer, Scope scope, Instant from, Instant to, ZoneId zone, boolean perPerson) {
		Pipeline pipeline = playbook.defaultPipeline(viewer.orgId());
		List<FunnelQueries.Row> rows = funnels.funnel(viewer.orgId(), scope, pipeline.id(), from, to, zone, perPerson);
		Map<UUID, StageFigures> team = new HashMap<>();
		Map<UUID, Map<UUID, StageFigures>> byPerson = new HashMap<>();
		for (FunnelQueries.Row row : rows) {
			StageFigures figures = new StageFigures(row.entered(), row.advanced(), row.medianDays());
			if (row.ownerId() == null) {
				team.put(row.stageId(), figures);
			}
			else {
				byPerson.computeIfAbsent(row.ownerId(), k -> new HashMap<>()).put(row.stageId(), figures);
			}
		}
		List<Funnel.Stage> stages = pipeline.openStages().stream()
			.map(s -> new Funnel.Stage(s.id(), s.name(), team.getOrDefault(s.id(), StageFigures.NONE))).toList();
		return new Funnel(stages, byPerson);
	}

	private Funnel restrict(CurrentUser viewer, Scope scope, Funnel funnel) {
		if (!scope.isTeam() || access.team(viewer, scope.id()) == InsightAccess.Level.FULL) {
			return funnel;
		}
		Map<UUID, Map<UUID, StageFigures>> own = new HashMap<>();
		if (funnel.byPerson().containsKey(viewer.id())) {
			own.put(viewer.id(), funnel.byPerson().get(viewer.id()));
		}
		return new Funnel(funnel.stages(), own);
	}
}

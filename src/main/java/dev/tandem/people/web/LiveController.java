package dev.tandem.people.web;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Team;
import dev.tandem.people.TeamAccess;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.LiveSubscriptions;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream a page opens ({@code /live?scope=team:<id>}) to hear when anything it shows changes. The
 * scope says what the page watches: a team (its members today and every team below it), several teams, one
 * person, or, without a scope, everyone the viewer may see. Nobody can listen to what they may not see.
 */
@Controller
class LiveController {

	private final LiveSubscriptions subscriptions;
	private final TeamManagement teams;
	private final Visibility visibility;

	LiveController(LiveSubscriptions subscriptions, TeamManagement teams, Visibility visibility) {
		this.subscriptions = subscriptions;
		this.teams = teams;
		this.visibility = visibility;
	}

	@GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter live(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String scope) {
		Set<UUID> users = new HashSet<>();
		Set<UUID> watched = new HashSet<>();
		LocalDate today = visibility.today(me.orgId());
		if (scope == null || scope.isBlank() || scope.equals("me")) {
			users.addAll(visibility.visibleUsers(me));
			teams.all(me).stream().filter(t -> me.id().equals(t.leaderId())).forEach(t -> watchTeam(me, t.id(), today, users, watched));
		}
		else if (scope.startsWith("user:")) {
			UUID user = id(scope.substring(5));
			if (!visibility.canSee(me, user)) {
				throw new RecordNotFoundException("user", user);
			}
			users.add(user);
		}
		else if (scope.startsWith("team:") || scope.startsWith("teams:")) {
			for (String id : scope.substring(scope.indexOf(':') + 1).split(",")) {
				UUID team = id(id);
				requireTeam(me, team);
				watchTeam(me, team, today, users, watched);
			}
		}
		else {
			throw InvalidInputException.of("scope", "validation.scope");
		}
		return subscriptions.subscribe(me.orgId(), users, watched);
	}

	/** A team's members today, its leader, the team itself and every team below it. */
	private void watchTeam(CurrentUser me, UUID teamId, LocalDate today, Set<UUID> users, Set<UUID> watched) {
		users.addAll(teams.membersOn(me, teamId, today));
		List<Team> all = teams.all(me);
		Set<UUID> below = new HashSet<>(Set.of(teamId));
		boolean grew = true;
		while (grew) {
			grew = all.stream().filter(t -> t.parentId() != null && below.contains(t.parentId())).map(Team::id).anyMatch(below::add);
		}
		watched.addAll(below);
		all.stream().filter(t -> below.contains(t.id()) && t.leaderId() != null).forEach(t -> users.add(t.leaderId()));
	}

	private void requireTeam(CurrentUser me, UUID teamId) {
		if (visibility.teamAccess(me, teamId) == TeamAccess.NONE) {
			throw new RecordNotFoundException("team", teamId);
		}
	}

	private static UUID id(String text) {
		try {
			return UUID.fromString(text.trim());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("scope", "validation.scope");
		}
	}
}

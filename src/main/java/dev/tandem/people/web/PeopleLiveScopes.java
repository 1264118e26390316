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
import dev.tandem.platform.LiveScope;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live scopes of the people module: {@code me} (everyone the viewer may see and the teams they lead; also the
 * stream without a scope), {@code user:<id>} (one person the viewer may see), {@code team:<id>} and
 * {@code teams:<id>,<id>} (a team's members today, its leaders, the team and every team below it, for a viewer with
 * any access to the team).
 */
@Configuration(proxyBeanMethods = false)
class PeopleLiveScopes {

	private final TeamManagement teams;
	private final Visibility visibility;

	PeopleLiveScopes(TeamManagement teams, Visibility visibility) {
		this.teams = teams;
		this.visibility = visibility;
	}

	@Bean
	LiveScope<CurrentUser> meScope() {
		return scope("me", (me, argument) -> {
			if (argument != null) {
				throw InvalidInputException.of("scope", "validation.scope");
			}
			Set<UUID> users = new HashSet<>(visibility.visibleUsers(me));
			Set<UUID> watched = new HashSet<>();
			LocalDate today = visibility.today(me.orgId());
			teams.all(me).stream().filter(t -> me.id().equals(t.leaderId())).forEach(t -> watchTeam(me, t.id(), today, users, watched));
			return new LiveScope.Watch(users, watched);
		});
	}

	@Bean
	LiveScope<CurrentUser> userScope() {
		return scope("user", (me, argument) -> {
			UUID user = id(argument);
			if (!visibility.canSee(me, user)) {
				throw new RecordNotFoundException("user", user);
			}
			return new LiveScope.Watch(Set.of(user), Set.of());
		});
	}

	@Bean
	LiveScope<CurrentUser> teamScope() {
		return scope("team", this::teamsOf);
	}

	@Bean
	LiveScope<CurrentUser> teamsScope() {
		return scope("teams", this::teamsOf);
	}

	private LiveScope.Watch teamsOf(CurrentUser me, @Nullable String argument) {
		if (argument == null) {
			throw InvalidInputException.of("scope", "validation.scope");
		}
		Set<UUID> users = new HashSet<>();
		Set<UUID> watched = new HashSet<>();
		LocalDate today = visibility.today(me.orgId());
		for (String text : argument.split(",")) {
			UUID team = id(text);
			if (visibility.teamAccess(me, team) == TeamAccess.NONE) {
				throw new RecordNotFoundException("team", team);
			}
			watchTeam(me, team, today, users, watched);
		}
		return new LiveScope.Watch(users, watched);
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

	private static UUID id(@Nullable String text) {
		try {
			return UUID.fromString(text == null ? "" : text.trim());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("scope", "validation.scope");
		}
	}

	private static LiveScope<CurrentUser> scope(String prefix, java.util.function.BiFunction<CurrentUser, @Nullable String, LiveScope.Watch> resolve) {
		return new LiveScope<>() {
			@Override
			public String prefix() {
				return prefix;
			}

			@Override
			public LiveScope.Watch resolve(CurrentUser viewer, @Nullable String argument) {
				return resolve.apply(viewer, argument);
			}
		};
	}
}

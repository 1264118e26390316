package dev.tandem.people.web;

import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.Visibility;
import dev.tandem.people.web.ApiResources.TeamRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me", description = "The signed-in user")
class MeApiController {

	private final OrganisationManagement organisations;
	private final OrgChart orgChart;
	private final Visibility visibility;

	MeApiController(OrganisationManagement organisations, OrgChart orgChart, Visibility visibility) {
		this.organisations = organisations;
		this.orgChart = orgChart;
		this.visibility = visibility;
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "Who am I", description = "The caller, their organisation, their teams, the teams they lead and the people they manage.")
	Me me(@AuthenticationPrincipal CurrentUser me) {
		OrgChart.Snapshot chart = orgChart.snapshot(me);
		List<UUID> manages = visibility.managedUsers(me.orgId(), me.id(), visibility.today(me.orgId())).stream().sorted().toList();
		return new Me(me.id(), me.email(), me.displayName(), me.role(), me.locale(), organisations.get(me.orgId()),
				chart.teamsOf(me.id()).stream().map(TeamRef::of).toList(),
				chart.ledBy(me.id()).stream().map(TeamRef::of).toList(), manages);
	}

	record Me(UUID id, String email, String displayName, Role role, String locale, Organisation organisation,
			List<TeamRef> teams, List<TeamRef> leads, List<UUID> manages) {
	}
}

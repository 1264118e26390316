package dev.tandem.coaching.help.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.TakeoverFigures.Takeover;
import dev.tandem.coaching.help.TakeoverRatio;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The takeover ratio as JSON: a manager's own, or one in the caller's line. */
@RestController
@Tag(name = "Coaching", description = "Coaching signals")
class TakeoverApiController {

	private final TakeoverRatio ratio;
	private final OrganisationManagement organisations;
	private final Visibility visibility;

	TakeoverApiController(TakeoverRatio ratio, OrganisationManagement organisations, Visibility visibility) {
		this.ratio = ratio;
		this.organisations = organisations;
		this.visibility = visibility;
	}

	@GetMapping("/api/v1/coaching/takeover")
	@Operation(summary = "Of the activities on deals owned by the manager's reps in the period, those the manager logged alone "
			+ "(managerActivities), joint with someone (jointActivities) and the rest (repActivities); ratio = managerActivities / all, "
			+ "null when there were none. The caller's own, or a manager in the caller's line")
	Map<String, Object> takeover(@AuthenticationPrincipal CurrentUser me,
			@Parameter(description = "Default: the caller") @RequestParam(required = false) @Nullable UUID managerId,
			@Parameter(description = "2026-11, 2026-Q4 or 2026; default this month") @RequestParam(required = false) @Nullable String period) {
		UUID manager = managerId == null ? me.id() : managerId;
		Period p = period(me, period);
		Takeover t = ratio.of(me, manager, p);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("managerId", manager);
		json.put("period", p.key());
		json.put("ratio", t.ratio());
		json.put("managerActivities", t.managerActivities());
		json.put("repActivities", t.repActivities());
		json.put("jointActivities", t.jointActivities());
		json.put("deals", ratio.deals(me, manager, p).stream().map(d -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("dealId", d.dealId());
			m.put("title", d.title());
			m.put("ownerId", d.ownerId());
			m.put("ownerName", d.ownerName());
			m.put("managerActivities", d.figures().managerActivities());
			m.put("jointActivities", d.figures().jointActivities());
			m.put("repActivities", d.figures().repActivities());
			return m;
		}).toList());
		return json;
	}

	Period period(CurrentUser me, @Nullable String text) {
		int fiscal = organisations.get(me.orgId()).fiscalYearStartMonth();
		return text == null || text.isBlank() ? Period.containing(visibility.today(me.orgId()), Period.Kind.MONTH, fiscal)
				: Period.parse(text, fiscal, "period");
	}
}

package dev.tandem.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.OneOnOneLoad;
import dev.tandem.coaching.OneOnOneLoad.ActionRow;
import dev.tandem.coaching.OneOnOneLoad.MeetingRow;
import dev.tandem.coaching.OneOnOneLoad.PointRow;
import dev.tandem.coaching.OneOnOneLoad.SeriesRow;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The demo's 1:1s: Brigitte meets each of her reps weekly, three months back (Noah since his second week), with agendas
 * both sides filled, shared notes and actions the reps own, most done, the latest still open and one overdue; a
 * couple of weeks she skipped, so her cadence is not perfect. Suzanne meets Brigitte every two weeks. The next meeting
 * of each series has points on its agenda already.
 */
@Component
@Conditional(DemoEnabled.class)
class DemoOneOnOnes {

	private static final String[] REP_POINTS = { "Pricing question on my biggest open deal", "Stuck at the proposal stage with two accounts",
			"Can you join the call with the CFO?", "Lead quality from the last campaign", "My pipeline for next month looks thin",
			"Which demo script works best for small teams?", "Time off in the holidays", "How to handle the competitor's discount" };
	private static final String[] MANAGER_POINTS = { "Your deals without a next step", "Conversion from proposal to negotiation",
			"What went well this week", "Forecast for the month", "Training you would like", "Close dates that passed" };
	private static final String[] NOTES = { "Agreed to go through the proposal together before it goes out.",
			"Good week: two meetings booked from cold calls.", "Focus on qualifying earlier, so fewer deals stall at proposal.",
			"Talked about the pipeline gap; more outbound calls on Tuesday and Thursday mornings.",
			"Sanne will share her objection list with the team.", "Reviewed the open deals one by one; three get a new close date." };
	private static final String[] ACTIONS = { "Send the revised proposal", "Book a follow-up meeting with the decision maker",
			"Update the close dates of stale deals", "Call back the three leads from the webinar", "Prepare questions for the discovery call",
			"Ask marketing for the case study" };

	private final OneOnOneLoad load;
	private final UserManagement users;
	private final OrganisationManagement organisations;

	DemoOneOnOnes(OneOnOneLoad load, UserManagement users, OrganisationManagement organisations) {
		this.load = load;
		this.users = users;
		this.organisations = organisations;
	}

	void play(CurrentUser admin, LocalDate today, long seed) {
		DemoRandom random = new DemoRandom(seed);
		ZoneId zone = organisations.get(admin.orgId()).timeZone();
		Map<String, UUID> byName = new HashMap<>();
		for (User user : users.all(admin)) {
			byName.put(user.email().substring(0, user.email().indexOf('@')), user.id());
		}
		UUID brigitte = byName.get("brigitte");
		String[] reps = { "sanne", "daan", "emma", "liam", "julia", "noah", "lotte" };
		DayOfWeek[] days = { DayOfWeek.MONDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY };
		List<SeriesRow> series = new ArrayList<>();
		for (int i = 0; i < reps.length; i++) {
			LocalDate from = "noah".equals(reps[i]) ? today.minusWeeks(5) : today.minusWeeks(12);
			LocalTime time = LocalTime.of(i % 2 == 0 ? 9 : 14, 0);
			series.add(series(random, brigitte, byName.get(reps[i]), "WEEKLY", days[i], time, from, today, zone, 1, i));
		}
		series.add(series(random, byName.get("suzanne"), brigitte, "FORTNIGHTLY", DayOfWeek.THURSDAY, LocalTime.of(16, 0), today.minusWeeks(16),
				today, zone, 2, -1));
		load.load(admin.orgId(), admin.id(), series);
	}

	/** One series: every meeting before today held (but for a skipped one), the next one planned with its first points. */
	private SeriesRow series(DemoRandom random, UUID manager, UUID rep, String cadence, DayOfWeek weekday, LocalTime time, LocalDate from,
			LocalDate today, ZoneId zone, int weeks, int index) {
		List<MeetingRow> meetings = new ArrayList<>();
		LocalDate day = from.with(TemporalAdjusters.nextOrSame(weekday));
		int skipped = index == 1 || index == 3 ? 4 : -1;
		int n = 0;
		for (; day.isBefore(today); day = day.plusWeeks(weeks), n++) {
			Instant at = day.atTime(time).atZone(zone).toInstant();
			boolean last = !day.plusWeeks(weeks).isBefore(today);
			if (n == skipped) {
				meetings.add(new MeetingRow(at, null, List.of(), List.of(), List.of()));
				continue;
			}
			List<PointRow> points = List.of(new PointRow(REP_POINTS[random.between(0, REP_POINTS.length - 1)], true, true),
					new PointRow(MANAGER_POINTS[random.between(0, MANAGER_POINTS.length - 1)], false, true));
			LocalDate due = day.plusDays(random.between(3, 9));
			boolean open = last || random.chance(0.15);
			ActionRow action = new ActionRow(ACTIONS[random.between(0, ACTIONS.length - 1)], random.chance(0.15), due,
					open ? null : due.minusDays(1).atTime(16, 0).atZone(zone).toInstant());
			meetings.add(new MeetingRow(at, at.plusSeconds(30 * 60L), points, List.of(NOTES[random.between(0, NOTES.length - 1)]), List.of(action)));
		}
		meetings.add(new MeetingRow(day.atTime(time).atZone(zone).toInstant(), null,
				List.of(new PointRow(REP_POINTS[random.between(0, REP_POINTS.length - 1)], true, false),
						new PointRow(MANAGER_POINTS[random.between(0, MANAGER_POINTS.length - 1)], false, false)),
				List.of(), List.of()));
		return new SeriesRow(manager, rep, cadence, weekday, time, from, meetings);
	}
}

package dev.tandem.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.WaitingWork;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the CRM has waiting for a person on Home: their overdue tasks, their new leads not yet worked, and their open
 * deals with hygiene flags (the most flagged first, at most {@value #DEALS}, so a neglected pipeline does not bury
 * everything else). Only the person's own records: a manager's team fixes its own deals.
 */
@Component
class CrmWaiting implements WaitingWork<CurrentUser> {

	static final int DEALS = 5;
	private static final int LEADS = 10;

	private final ActivityManagement activities;
	private final LeadManagement leads;
	private final DealManagement deals;
	private final PlaybookManagement playbook;
	private final MessageSource messages;
	private final Clock clock;

	CrmWaiting(ActivityManagement activities, LeadManagement leads, DealManagement deals, PlaybookManagement playbook,
			MessageSource messages, Clock clock) {
		this.activities = activities;
		this.leads = leads;
		this.deals = deals;
		this.playbook = playbook;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<Item> waitingFor(CurrentUser viewer) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Item> items = new ArrayList<>();
		Instant now = clock.instant();
		for (Activity task : activities.myDay(viewer)) {
			if (task.dueAt() != null && task.dueAt().isBefore(now)) {
				items.add(new Item("task", messages.getMessage("waiting.task", new Object[] { task.subject() }, locale),
						task.dealTitle() != null ? task.dealTitle() : task.accountName(), "/my-day", task.dueAt(), false));
			}
		}
		for (Lead lead : leads.list(viewer, new LeadFilter(LeadStatus.NEW, viewer.id(), null, false), ListRequest.of(LEADS, null)).items()) {
			items.add(new Item("lead", messages.getMessage("waiting.lead", new Object[] { lead.personName(), lead.company() }, locale),
					null, "/leads/" + lead.id(), lead.createdAt(), false));
		}
		items.addAll(flaggedDeals(viewer, locale));
		return items;
	}

	private List<Item> flaggedDeals(CurrentUser viewer, Locale locale) {
		DealQuery mine = new DealQuery(viewer.id(), null, DealStatus.OPEN, null, null, null, null, null);
		Map<UUID, Pipeline> pipelines = playbook.pipelines(viewer.orgId()).stream().collect(Collectors.toMap(Pipeline::id, p -> p));
		record Flagged(Deal deal, List<HygieneFlag> flags) {
		}
		List<Flagged> flagged = new ArrayList<>();
		for (Deal deal : deals.list(viewer, mine, ListRequest.of(ListRequest.MAX_LIMIT, null)).items()) {
			Pipeline pipeline = pipelines.get(deal.pipelineId());
			List<HygieneFlag> flags = pipeline == null ? List.of() : deals.hygiene(viewer, deal, pipeline);
			if (!flags.isEmpty()) {
				flagged.add(new Flagged(deal, flags));
			}
		}
		return flagged.stream()
			.sorted(Comparator.comparingInt((Flagged f) -> -f.flags().size()).thenComparing(f -> f.deal().title()))
			.limit(DEALS)
			.map(f -> new Item("deal", messages.getMessage("waiting.deal", new Object[] { f.deal().title() }, locale),
					f.flags().stream().map(flag -> messages.getMessage("hygiene." + flag.name(), null, locale)).collect(Collectors.joining(" · ")),
					"/deals/" + f.deal().id(), f.deal().lastActivityAt() != null ? f.deal().lastActivityAt() : f.deal().createdAt(), false))
			.toList();
	}
}

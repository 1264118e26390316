package dev.tandem.crm.web;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import dev.tandem.crm.Stakeholder;
import dev.tandem.playbook.BuyingRole;
import dev.tandem.playbook.DealFacts;
import dev.tandem.playbook.ExitCriterion;
import dev.tandem.playbook.Missing;
import dev.tandem.playbook.Stage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A stage's exit criteria and a refused move's missing items as a rep acts on them: what to tick, what the buying
 * group already satisfies and through whom, and where to go for what a tick cannot do (log the call, add the
 * economic buyer).
 */
@Component
class Checklists {

	private final MessageSource messages;
	private final MissingText missingText;

	Checklists(MessageSource messages, MissingText missingText) {
		this.messages = messages;
		this.missingText = missingText;
	}

	/** Every exit criterion of {@code stage}, met or not; one the buying group satisfies says through whom, or how. */
	List<CriterionView> criteria(Stage stage, DealFacts facts, List<Stakeholder> group, Locale locale) {
		return stage.exitCriteria().stream().map(c -> view(c, facts, group, locale)).toList();
	}

	private CriterionView view(ExitCriterion criterion, DealFacts facts, List<Stakeholder> group, Locale locale) {
		boolean met = criterion.metBy(facts);
		BuyingRole role = criterion.satisfiedByRole();
		if (role == null) {
			return new CriterionView(criterion.id(), criterion.label(), met, null, null, null);
		}
		String roleName = roleName(role, locale);
		String reason;
		if (met) {
			List<String> names = group.stream().filter(s -> s.role().buyingRole() == role).map(Stakeholder::contactName).toList();
			reason = messages.getMessage("deal.criterion.met-by", new Object[] { String.join(", ", names), roleName }, locale);
		}
		else {
			reason = messages.getMessage("deal.criterion.waits-for", new Object[] { roleName }, locale);
		}
		return new CriterionView(criterion.id(), criterion.label(), met, role, reason,
				messages.getMessage("move.fix.add-role", new Object[] { roleName }, locale));
	}

	/** What a refused move misses, each with a tick or a way to fix it from the deal page. */
	List<Item> items(UUID dealId, List<Missing> missing, Locale locale) {
		return missing.stream().map(m -> item(dealId, m, locale)).toList();
	}

	private Item item(UUID dealId, Missing missing, Locale locale) {
		String text = missing.tickable() ? missing.label() : missingText.of(missing, locale);
		String deal = "/deals/" + dealId;
		return switch (missing.kind()) {
			case ACTIVITY -> new Item(missing.stageName(), text, null, deal + "#log",
					messages.getMessage("move.fix.log", null, locale));
			case CRITERION -> missing.tickable() ? new Item(missing.stageName(), text, missing.criterionId(), null, null)
					: add(deal, missing, text, Objects.requireNonNull(missing.role()), locale);
			case DECISION_MAKER -> add(deal, missing, text, BuyingRole.DECISION_MAKER, locale);
			case STAKEHOLDERS -> new Item(missing.stageName(), text, null, deal + "#buying-group",
					messages.getMessage("move.fix.buying-group", null, locale));
			case FIELD -> new Item(missing.stageName(), text, null, null, null);
		};
	}

	/** A missing role, with a link that opens the deal's add form on that role ("Add the economic buyer"). */
	private Item add(String deal, Missing missing, String text, BuyingRole role, Locale locale) {
		return new Item(missing.stageName(), text, null, deal + "?add=" + role + "#buying-group",
				messages.getMessage("move.fix.add-role", new Object[] { roleName(role, locale) }, locale));
	}

	private String roleName(BuyingRole role, Locale locale) {
		return messages.getMessage("stakeholder-role." + role, null, locale).toLowerCase(locale);
	}

	/**
	 * An exit criterion on the deal page: met or not, and for one the buying group satisfies ({@code role}), the
	 * reason in words and the link text to add someone in the role.
	 */
	record CriterionView(UUID id, String label, boolean met, @Nullable BuyingRole role, @Nullable String reason,
			@Nullable String fix) {

		public boolean byFact() {
			return role != null;
		}
	}

	/**
	 * One missing item of a refused move, of the named stage: a criterion to {@code tick} there and then, or a text with
	 * where to fix it ({@code fixHref}, its link saying {@code fix}).
	 */
	record Item(String stage, String text, @Nullable UUID tick, @Nullable String fixHref, @Nullable String fix) implements Serializable {
	}
}

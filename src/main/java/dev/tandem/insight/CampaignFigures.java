package dev.tandem.insight;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What became of the organisation's leads of a period, by source and by campaign: how many came in, were
 * qualified, converted to a deal, and of those deals won.
 */
public record CampaignFigures(List<LeadQuality.Line> bySource, List<Campaign> byCampaign, LeadQuality.Line total) {

	/** A campaign's leads over all sources; {@code name} is null for the leads that came without a campaign. */
	public record Campaign(@Nullable String name, LeadQuality.Line line) {
	}
}

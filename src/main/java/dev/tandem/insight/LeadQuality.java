package dev.tandem.insight;

import java.util.List;
import java.util.UUID;

import dev.tandem.crm.DealSource;
import org.jspecify.annotations.Nullable;

/**
 * What became of the leads that came in during a period, by source and by the rep who got them, so lead
 * quality and a fair distribution can be seen.
 */
public record LeadQuality(List<Line> bySource, List<PersonLine> byPerson, Line total) {

	/** Leads received, qualified, converted, disqualified and won. */
	public record Line(@Nullable DealSource source, long received, long qualified, long converted, long disqualified, long won) {

		public @Nullable Double conversion() {
			return received == 0 ? null : (double) converted / received;
		}

		public @Nullable Double winRate() {
			return received == 0 ? null : (double) won / received;
		}

		Line plus(long r, long q, long c, long d, long w) {
			return new Line(source, received + r, qualified + q, converted + c, disqualified + d, won + w);
		}

		Line plus(dev.tandem.insight.persistence.CampaignQueries.Row row) {
			return plus(row.received(), row.qualified(), row.converted(), row.disqualified(), row.won());
		}
	}

	/**
	 * A rep's leads, with their share of all the leads the scope received. Everyone in a team sees how many leads
	 * each colleague got (so routing is transparent); what became of them ({@code detailed}) only for themselves,
	 * unless the viewer leads the team.
	 */
	public record PersonLine(UUID userId, String name, Line line, double share, boolean detailed) {
	}
}

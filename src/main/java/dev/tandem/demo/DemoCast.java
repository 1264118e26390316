package dev.tandem.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.crm.DealSource;
import org.jspecify.annotations.Nullable;

/**
 * Who plays which part in the demo history: the sales teams with their managers and lead flow, and
 * each seller with the team stints they had and the way they sell.
 */
final class DemoCast {

	private DemoCast() {
	}

	/** The kind of selling a team does, which sets deal sizes, cycle lengths and daily rhythm. */
	enum Segment {
		INSIDE(4_000, 10_000, 1.0, 7.5, 3.6, "1-10", "11-50"),
		MID_MARKET(15_000, 45_000, 1.35, 6.5, 2.6, "11-50", "51-200"),
		ENTERPRISE(60_000, 180_000, 1.9, 5.0, 1.7, "201-1000", "1000+");

		final int minAmount;
		final int maxAmount;
		final double cycleScale;
		final double touchesPerDay;
		final double outboundDealsPerWeek;
		final List<String> sizes;

		Segment(int minAmount, int maxAmount, double cycleScale, double touchesPerDay, double outboundDealsPerWeek,
				String... sizes) {
			this.minAmount = minAmount;
			this.maxAmount = maxAmount;
			this.cycleScale = cycleScale;
			this.touchesPerDay = touchesPerDay;
			this.outboundDealsPerWeek = outboundDealsPerWeek;
			this.sizes = List.of(sizes);
		}
	}

	/**
	 * A sales team: its leader (from when), whether the leader tends to take over deals instead of
	 * coaching, and the leads that flow into it per week from which sources.
	 */
	record Crew(UUID teamId, Segment segment, @Nullable UUID managerId, @Nullable LocalDate managerFrom, boolean takesOver,
			double leadsPerWeek, List<DealSource> leadSources) {

		@Nullable UUID managerOn(LocalDate day) {
			return managerId == null || (managerFrom != null && day.isBefore(managerFrom)) ? null : managerId;
		}
	}

	/** A period in which a seller sold in a team; {@code to} is exclusive, {@code null} while it lasts. */
	record Stint(Crew crew, LocalDate from, @Nullable LocalDate to) {

		boolean covers(LocalDate day) {
			return !day.isBefore(from) && (to == null || day.isBefore(to));
		}
	}

	/**
	 * How a seller sells. {@code advance} holds, per open stage, the chance a deal moves on rather than
	 * being lost; {@code volume} and {@code activity} scale how many deals they start and how much they
	 * log; {@code sloppiness} is how often their records lack a next step or keep a close date in the
	 * past. A decline from a date models sustained under-performance; a ramp models a newcomer.
	 */
	record Style(double volume, double[] advance, double activity, double sloppiness, double leadSkill,
			@Nullable LocalDate declineFrom, @Nullable LocalDate rampFrom) {
	}

	/** A seller: the stints in teams and the way they sell. */
	record Seller(UUID id, String name, List<Stint> stints, Style style) {

		LocalDate start() {
			return stints.get(0).from();
		}

		/** The first day they no longer sell, or {@code null} while they still do. */
		@Nullable LocalDate end() {
			return stints.get(stints.size() - 1).to();
		}

		@Nullable Stint stintOn(LocalDate day) {
			return stints.stream().filter(s -> s.covers(day)).findFirst().orElse(null);
		}

		/** The stint on the day, or the nearest one before it (a deal converted just after a stint ended). */
		Stint stintNear(LocalDate day) {
			Stint on = stintOn(day);
			if (on != null) {
				return on;
			}
			Stint before = stints.get(0);
			for (Stint stint : stints) {
				if (!stint.from().isAfter(day)) {
					before = stint;
				}
			}
			return before;
		}

		Segment segment() {
			return stints.get(stints.size() - 1).crew().segment();
		}
	}

	/** The team's usual chances per open stage (New lead ... Negotiation) that a deal moves on. */
	static final double[] TEAM = { 0.90, 0.80, 0.80, 0.85, 0.80, 0.65, 0.70 };
	/** Books meetings very well, converts proposals poorly: the seeds' "good at appointments, weak at closing". */
	static final double[] STRONG_OPENER_WEAK_CLOSER = { 0.97, 0.95, 0.92, 0.90, 0.85, 0.30, 0.50 };
	static final double[] TOP = { 0.92, 0.85, 0.85, 0.88, 0.85, 0.75, 0.78 };
	static final double[] SOLID = { 0.90, 0.80, 0.78, 0.84, 0.80, 0.64, 0.70 };
	static final double[] WEAK = { 0.86, 0.72, 0.72, 0.80, 0.72, 0.55, 0.62 };

	static Style style(double volume, double[] advance, double activity, double sloppiness, double leadSkill) {
		return new Style(volume, advance, activity, sloppiness, leadSkill, null, null);
	}
}

package dev.tandem.coaching.review;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** One section of a review: its title and guidance (copied from the template), and both sides' score and comment. */
public record ReviewItem(int position, String title, String titleNl, String guidance, String guidanceNl, @Nullable Integer selfScore,
		@Nullable String selfComment, @Nullable Integer managerScore, @Nullable String managerComment) {

	public String title(Locale locale) {
		return "nl".equals(locale.getLanguage()) ? titleNl : title;
	}

	public String guidance(Locale locale) {
		return "nl".equals(locale.getLanguage()) ? guidanceNl : guidance;
	}
}

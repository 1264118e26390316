package dev.tandem.coaching.review;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The sections a review is written along; {@code code} is {@code REP} or {@code MANAGER} for the shipped ones. */
public record ReviewTemplate(UUID id, @Nullable String code, String name, String nameNl, List<Section> sections, int version) {

	public String name(Locale locale) {
		return "nl".equals(locale.getLanguage()) ? nameNl : name;
	}

	/** One section: its title and the guidance shown to both sides, in English and Dutch. */
	public record Section(String title, String titleNl, String guidance, String guidanceNl) {

		public String title(Locale locale) {
			return "nl".equals(locale.getLanguage()) ? titleNl : title;
		}

		public String guidance(Locale locale) {
			return "nl".equals(locale.getLanguage()) ? guidanceNl : guidance;
		}
	}
}

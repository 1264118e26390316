package dev.tandem.crm;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What a saved view holds, as the user sends it. */
public record NewSavedView(@Nullable SavedViewList list, @Nullable String name, @Nullable Map<String, String> filters,
		@Nullable String sort, @Nullable List<String> columns, boolean shared) {
}

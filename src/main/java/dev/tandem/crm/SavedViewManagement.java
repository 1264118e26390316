package dev.tandem.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.persistence.SavedViews;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.platform.ValueProblems;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views of lists, per person. A private view is seen only by its owner; a shared one also by the owner's team:
 * whoever may look the owner up in the directory (the members of their teams and their line of managers). Only the
 * owner changes or deletes a view; to anyone else it is not there to change.
 */
@Service
public class SavedViewManagement {

	private static final int MAX_VALUE = 200;

	private final SavedViews views;
	private final Visibility visibility;
	private final Clock clock;

	SavedViewManagement(SavedViews views, Visibility visibility, Clock clock) {
		this.views = views;
		this.visibility = visibility;
		this.clock = clock;
	}

	/** The viewer's own views and those shared with them, of one list or of all. */
	public List<SavedView> visible(CurrentUser viewer, @Nullable SavedViewList list) {
		return views.visible(viewer.orgId(), viewer.id(), visibility.directory(viewer), list);
	}

	public SavedView get(CurrentUser viewer, UUID id) {
		SavedView view = views.find(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("view", id));
		boolean mine = view.ownerId().equals(viewer.id());
		if (!mine && !(view.shared() && visibility.directory(viewer).contains(view.ownerId()))) {
			throw new RecordNotFoundException("view", id);
		}
		return view;
	}

	@Transactional
	public SavedView create(CurrentUser user, NewSavedView view) {
		SavedView checked = check(user, Ids.next(), view, null);
		views.insert(user.orgId(), checked, clock.instant());
		return get(user, checked.id());
	}

	@Transactional
	public SavedView update(CurrentUser user, UUID id, int version, NewSavedView changes) {
		SavedView current = own(user, id);
		if (current.version() != version) {
			throw new ConcurrentEditException("view", current.ownerName(), current.updatedAt());
		}
		NewSavedView merged = new NewSavedView(current.list(), changes.name(), changes.filters(), changes.sort(), changes.columns(),
				changes.shared());
		SavedView checked = check(user, id, merged, id);
		Instant now = clock.instant();
		if (!views.update(user.orgId(), checked, version, now)) {
			SavedView changed = get(user, id);
			throw new ConcurrentEditException("view", changed.ownerName(), changed.updatedAt());
		}
		return get(user, id);
	}

	@Transactional
	public void delete(CurrentUser user, UUID id) {
		own(user, id);
		views.delete(user.orgId(), id);
	}

	private SavedView own(CurrentUser user, UUID id) {
		SavedView view = get(user, id);
		if (!view.ownerId().equals(user.id())) {
			throw new RecordNotFoundException("view", id);
		}
		return view;
	}

	private SavedView check(CurrentUser user, UUID id, NewSavedView view, @Nullable UUID except) {
		List<FieldProblem> problems = new ArrayList<>();
		SavedViewList list = view.list();
		if (list == null) {
			throw InvalidInputException.of("list", "jakarta.validation.constraints.NotNull.message");
		}
		String name = view.name() == null ? "" : view.name().trim();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "jakarta.validation.constraints.NotBlank.message"));
		}
		else if (name.length() > 80) {
			problems.add(new FieldProblem("name", "views.validation.too-long", 80));
		}
		else if (views.nameTaken(user.orgId(), user.id(), list, name, except)) {
			problems.add(new FieldProblem("name", "views.validation.name-taken"));
		}
		Map<String, String> filters = new LinkedHashMap<>();
		(view.filters() == null ? Map.<String, String>of() : view.filters()).forEach((key, value) -> {
			if (!list.filters().contains(key)) {
				problems.add(ValueProblems.notOneOf("filters", key, list.filters().stream().sorted().toList()));
			}
			else if (value != null && value.length() > MAX_VALUE) {
				problems.add(new FieldProblem("filters." + key, "views.validation.too-long", MAX_VALUE));
			}
			else if (value != null && !value.isBlank()) {
				filters.put(key, value.trim());
			}
		});
		String sort = view.sort() == null || view.sort().isBlank() ? null : view.sort().trim();
		if (sort != null && !list.sorts().contains(sort)) {
			problems.add(ValueProblems.notOneOf("sort", sort, list.sorts().stream().sorted().toList()));
		}
		List<String> columns = view.columns() == null ? List.of() : view.columns();
		for (String column : columns) {
			if (!list.columns().contains(column)) {
				problems.add(ValueProblems.notOneOf("columns", column, list.columns()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<String> ordered = list.columns().stream().filter(columns::contains).toList();
		return new SavedView(id, user.id(), user.displayName(), list, name, filters, sort, ordered, view.shared(), clock.instant(), 0);
	}
}

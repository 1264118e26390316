package dev.tandem.playbook.web;

import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Listing;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageChanges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pipelines")
@Tag(name = "Playbook", description = "Pipelines and their stages: requirements, exit criteria, guidance, gate mode; changes need ADMIN")
class PipelineApiController {

	private final PlaybookManagement playbook;

	PipelineApiController(PlaybookManagement playbook) {
		this.playbook = playbook;
	}

	@GetMapping
	@Operation(summary = "List pipelines with their stages", description = "The default pipeline first.")
	Listing<Pipeline> list(@AuthenticationPrincipal CurrentUser me) {
		return Listing.all(playbook.pipelines(me.orgId()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a pipeline with its stages")
	Pipeline get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return playbook.pipeline(me.orgId(), id);
	}

	@PostMapping
	@Operation(summary = "Add a pipeline", description = "Starts with one open stage, Won and Lost.")
	Pipeline create(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody PipelineRequest request) {
		return playbook.createPipeline(me, request.name(), request.reviewCadenceDays() == null ? 21 : request.reviewCadenceDays());
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Rename a pipeline or change its review cadence")
	Pipeline update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody PipelinePatch patch) {
		Pipeline current = playbook.pipeline(me.orgId(), id);
		return playbook.updatePipeline(me, id, patch.version(), patch.name() == null ? current.name() : patch.name(),
				patch.reviewCadenceDays() == null ? current.reviewCadenceDays() : patch.reviewCadenceDays());
	}

	@PostMapping("/{id}/stages")
	@Operation(summary = "Add an open stage", description = "It goes just before Won and Lost.")
	Stage addStage(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody StageRequest request) {
		return playbook.addStage(me, id, request.name());
	}

	@PatchMapping("/{id}/stages/{stageId}")
	@Operation(summary = "Change a stage", description = "Send the whole stage as you want it, with the version you read.")
	Stage updateStage(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID stageId,
			@Valid @RequestBody StageChanges changes) {
		playbook.pipeline(me.orgId(), id).stage(stageId)
			.orElseThrow(() -> new dev.tandem.platform.RecordNotFoundException("stage", stageId));
		return playbook.updateStage(me, stageId, changes);
	}

	record PipelineRequest(@NotBlank @Size(max = 100) String name, @Nullable Integer reviewCadenceDays) {
	}

	record PipelinePatch(@NotNull Integer version, @Nullable @Size(min = 1, max = 100) String name,
			@Nullable Integer reviewCadenceDays) {
	}

	record StageRequest(@NotBlank @Size(max = 100) String name) {
	}

}

package dev.tandem.crm.web;

import java.util.UUID;

import dev.tandem.crm.BinEntry;
import dev.tandem.crm.BinKind;
import dev.tandem.crm.RecycleBin;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/recycle-bin")
@Tag(name = "Recycle bin", description = "Deleted deals, accounts, contacts and leads, restorable until they are purged")
class RecycleBinApiController {

	private final RecycleBin bin;

	RecycleBinApiController(RecycleBin bin) {
		this.bin = bin;
	}

	@GetMapping
	@Operation(summary = "What is in the recycle bin", description = "What you may restore: records of yours and of the people "
			+ "you manage (all, for an admin), most recently deleted first, with who deleted them, when, what went with them "
			+ "and when they will be purged (purgeAt).")
	Listing<BinEntry> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return bin.list(me, ListRequest.of(limit, cursor));
	}

	@PostMapping("/{kind}/{id}/restore")
	@Operation(summary = "Restore a deleted record", description = "kind: deal, account, contact or lead; id: the record's id. "
			+ "It comes back as it was, with everything that went with it. 404 unless it is in the bin and you may restore "
			+ "it; 409 for a deal or contact whose account is in the bin too (restore the account first).")
	ResponseEntity<Void> restore(@AuthenticationPrincipal CurrentUser me, @PathVariable BinKind kind, @PathVariable UUID id) {
		bin.restore(me, kind, id);
		return ResponseEntity.noContent().build();
	}
}

package dev.tandem.playbook;

import java.util.List;

/**
 * The outcome of a gate check: what is missing and whether that blocks the move.
 */
public record GateResult(List<Missing> missing, GateMode mode) {

	public boolean allowed() {
		return missing.isEmpty() || mode == GateMode.WARN;
	}

	public boolean blocked() {
		return !allowed();
	}
}

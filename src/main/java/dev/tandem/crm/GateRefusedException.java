package dev.tandem.crm;

import java.util.List;

import dev.tandem.playbook.Missing;

/**
 * A stage move refused by a blocking gate; carries everything the deal still misses. Answered 422.
 */
public class GateRefusedException extends RuntimeException {

	private final List<Missing> missing;

	public GateRefusedException(List<Missing> missing) {
		super("Stage gate refused the move: " + missing.size() + " item(s) missing");
		this.missing = List.copyOf(missing);
	}

	public List<Missing> missing() {
		return missing;
	}
}

package dev.tandem.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record that does not exist, or exists in another organisation or outside what the user may see;
 * both answer 404 so nothing is revealed about other tenants.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RecordNotFoundException extends RuntimeException {

	public RecordNotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}
}

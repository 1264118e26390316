package dev.tandem.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Hands an upload the dispatcher refused to {@link UploadLimitFilter}: one past the size limit, and one it could not
 * read (a file name with a NUL, malformed form data), which would otherwise be a 500. It is refused before a
 * controller is chosen, so only an advice bound to no controller type sees it.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

	private final UploadLimitFilter limits;

	UploadLimitAdvice(UploadLimitFilter limits) {
		this.limits = limits;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	void tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		limits.answer(ex, request, response);
	}

	@ExceptionHandler(MultipartException.class)
	void unreadable(MultipartException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		limits.unreadable(ex, request, response);
	}
}

package dev.tandem.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * Answers an upload past {@code spring.servlet.multipart.max-file-size} or {@code max-request-size} with 413 naming
 * the limit: a problem for the API, the error page for the UI. The upload is refused while the request is read,
 * before a controller is chosen: by the container when a filter reads a parameter first (the CSRF check of a page
 * form), which this filter catches, or in the dispatcher, which {@link UploadLimitAdvice} hands here. An upload the
 * container cannot read (a file name holding a NUL or another control character, malformed form data) is answered
 * the same ways with 400 naming the rule.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadLimitFilter extends OncePerRequestFilter {

	private final MessageSource messages;
	private final LocaleResolver locales;
	private final ProblemJson problems;
	private final MultipartProperties multipart;

	UploadLimitFilter(MessageSource messages, LocaleResolver locales, ProblemJson problems, MultipartProperties multipart) {
		this.messages = messages;
		this.locales = locales;
		this.problems = problems;
		this.multipart = multipart;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (InvalidParameterException ex) {
			if (ex.getErrorCode() != HttpStatus.CONTENT_TOO_LARGE.value() || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			SecurityHeaders.write(response);
			answer(new MaxUploadSizeExceededException(limit().toBytes(), ex), request, response);
		}
		catch (InvalidFileNameException ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			response.reset();
			unreadable(ex, request, response);
		}
	}

	void unreadable(Throwable ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locales.resolveLocale(request);
		String key = NestedExceptionUtils.getMostSpecificCause(ex) instanceof InvalidFileNameException ? "upload.file-name" : "upload.malformed";
		String message = messages.getMessage(key, null, locale);
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			request.setAttribute(PageErrorAdvice.DETAIL, message);
			request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, ex);
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		problems.write(request, response, HttpStatus.BAD_REQUEST, messages.getMessage("problem.invalid", null, locale),
				messages.getMessage("problem.invalid.detail", new Object[] { 1 }, locale),
				Map.of("errors", List.of(Map.of("field", "file", "message", message))));
	}

	void answer(MaxUploadSizeExceededException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locales.resolveLocale(request);
		String detail = messages.getMessage("problem.too-large.detail", new Object[] { describe(limit()) }, locale);
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			request.setAttribute(PageErrorAdvice.DETAIL, detail);
			// Marks the upload as failed, so the error page's dispatch does not read it again.
			request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, ex);
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, messages.getMessage("problem.too-large", null, locale),
				detail, Map.of("maxBytes", limit().toBytes()));
	}

	/** The smaller of the two limits: an upload larger than it may be refused. */
	private DataSize limit() {
		DataSize file = multipart.getMaxFileSize();
		DataSize request = multipart.getMaxRequestSize();
		return file.toBytes() < 0 || (request.toBytes() >= 0 && request.compareTo(file) < 0) ? request : file;
	}

	static String describe(DataSize size) {
		long bytes = size.toBytes();
		long mb = DataSize.ofMegabytes(1).toBytes();
		long kb = DataSize.ofKilobytes(1).toBytes();
		if (bytes >= mb && bytes % mb == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes >= kb && bytes % kb == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " B";
	}
}

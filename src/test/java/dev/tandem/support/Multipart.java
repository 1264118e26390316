package dev.tandem.support;

import java.nio.charset.StandardCharsets;

/**
 * A {@code multipart/form-data} body with one file field named {@code file}, as a browser sends an upload.
 */
public final class Multipart {

	private Multipart() {
	}

	/** The body for {@code Content-Type: multipart/form-data; boundary=<boundary>}. */
	public static byte[] file(String boundary, String fileName, byte[] content) {
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return body;
	}
}

package dev.tandem.people.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPages {

	@GetMapping("/login")
	String login() {
		return "people/login";
	}
}

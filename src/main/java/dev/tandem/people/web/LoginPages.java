package dev.tandem.people.web;

import dev.tandem.people.InstallationSetup;
import dev.tandem.people.OrganisationManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPages {

	private final InstallationSetup setup;
	private final OrganisationManagement organisations;

	LoginPages(InstallationSetup setup, OrganisationManagement organisations) {
		this.setup = setup;
		this.organisations = organisations;
	}

	/** While the installation has no organisation there is nobody to sign in: the first run's setup instead. */
	@GetMapping("/login")
	String login(Model model) {
		if (setup.isOpen()) {
			return "redirect:/setup";
		}
		model.addAttribute("demo", organisations.anyDemoExists());
		return "people/login";
	}
}

package dev.tandem.people.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.User;
import dev.tandem.people.persistence.Users;
import dev.tandem.platform.Tenancy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password, throttled per account and per client address. An unknown
 * account, a deactivated one and a wrong password all fail the same way and take the same time.
 * A hash of an older scheme (bcrypt) is replaced by one of the current scheme once the password matched.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

	private final Users users;
	private final PasswordEncoder passwordEncoder;
	private final LoginThrottle throttle;
	private final String unknownUserHash;

	PasswordAuthenticationProvider(Users users, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.unknownUserHash = passwordEncoder.encode("no user has this password");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName().trim().toLowerCase(Locale.ROOT);
		String password = String.valueOf(authentication.getCredentials());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		throttle.check(email, address);
		Optional<Users.Login> login = users.findLogin(email).filter(l -> l.user().active() && l.passwordHash() != null);
		boolean matches = passwordEncoder.matches(password, login.map(Users.Login::passwordHash).orElse(unknownUserHash))
				&& login.isPresent();
		if (!matches) {
			throttle.failed(email, address);
			throw new BadCredentialsException("Bad credentials");
		}
		throttle.succeeded(email);
		User user = login.get().user();
		if (passwordEncoder.upgradeEncoding(login.get().passwordHash())) {
			Tenancy.runAs(user.orgId(), () -> users.setPasswordHash(user.orgId(), user.id(), passwordEncoder.encode(password)));
		}
		return authenticated(CurrentUser.of(user, login.get().languageChosen()));
	}

	static Authentication authenticated(CurrentUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
	}

	static Authentication authenticated(User user) {
		return authenticated(CurrentUser.of(user));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}

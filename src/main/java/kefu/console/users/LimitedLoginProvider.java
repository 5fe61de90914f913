package kefu.console.users;

import kefu.console.audit.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a console login against the stored bcrypt hash, refusing names and addresses that failed too often;
 * logins and refusals are recorded in the audit log.
 */
public final class LimitedLoginProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginAttempts attempts;
    private final AuditLog audit;

    public LimitedLoginProvider(AuthenticationProvider passwords, LoginAttempts attempts, AuditLog audit) {
        this.passwords = passwords;
        this.attempts = attempts;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication login) throws AuthenticationException {
        String name = login.getName();
        String address = login.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (attempts.blocked(name, address)) {
            audit.record(name, "login.refused", address, "too many failed logins");
            throw new LockedException("too many failed logins; try again later");
        }
        try {
            Authentication done = passwords.authenticate(login);
            attempts.succeeded(name);
            audit.record(name, "login", address, "");
            return done;
        } catch (BadCredentialsException | org.springframework.security.core.userdetails.UsernameNotFoundException e) {
            attempts.failed(name, address);
            audit.record(name, "login.failed", address, "");
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
}

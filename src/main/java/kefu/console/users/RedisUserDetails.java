package kefu.console.users;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;

/** Spring Security's view of the console accounts in Redis; an admin is also staff. */
public final class RedisUserDetails implements UserDetailsService {

    private final ConsoleUsers users;

    public RedisUserDetails(ConsoleUsers users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        ConsoleUser u = users.find(name).orElseThrow(() -> new UsernameNotFoundException("no such console user"));
        List<SimpleGrantedAuthority> roles = u.role() == Role.ADMIN
                ? List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()), new SimpleGrantedAuthority(Role.STAFF.authority()))
                : List.of(new SimpleGrantedAuthority(Role.STAFF.authority()));
        return User.withUsername(u.name()).password(u.passwordHash()).authorities(roles).build();
    }
}

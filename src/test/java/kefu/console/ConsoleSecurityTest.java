package kefu.console;

import kefu.console.audit.AuditLog;
import kefu.console.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may see what in the console: nothing without login, CSRF on every form, admins only for admin pages. */
class ConsoleSecurityTest extends ConsoleTestBase {

    @Autowired
    AuditLog audit;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void noConsolePageWithoutLogin() throws Exception {
        for (String page : new String[] {"/console", "/console/overview", "/console/admin/users"}) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/console/login"));
        }
    }

    @Test
    void theLoginPageAndItsAssetsNeedNoLogin() throws Exception {
        mvc.perform(get("/console/login")).andExpect(status().isOk());
        mvc.perform(get("/console/assets/console.css")).andExpect(status().isOk());
    }

    @Test
    void aUserLogsInWithTheStoredPasswordAndIsRecorded() throws Exception {
        String name = newUser(Role.STAFF);

        mvc.perform(formLogin("/console/login").user(name).password(PASSWORD))
                .andExpect(redirectedUrl("/console"));

        assertThat(audit.latest(50)).anyMatch(e -> e.user().equals(name) && e.action().equals("login"));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        String name = newUser(Role.STAFF);

        mvc.perform(formLogin("/console/login").user(name).password("not the password"))
                .andExpect(redirectedUrl("/console/login?error"));
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
        String name = newUser(Role.ADMIN);

        mvc.perform(post("/console/login").param("username", name).param("password", PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void aConsoleFormWithoutTheCsrfTokenIsRefusedEvenWhenLoggedIn() throws Exception {
        mvc.perform(post("/console/logout").with(user("someone").roles("STAFF", "ADMIN")))
                .andExpect(status().isForbidden());
    }

    @Test
    void afterTooManyFailuresEvenTheRightPasswordIsRefusedForAWhile() throws Exception {
        String name = newUser(Role.STAFF);
        for (int i = 0; i < 3; i++) {
            mvc.perform(formLogin("/console/login").user(name).password("guess " + i))
                    .andExpect(redirectedUrl("/console/login?error"));
        }

        mvc.perform(formLogin("/console/login").user(name).password(PASSWORD))
                .andExpect(redirectedUrl("/console/login?error"));
        assertThat(audit.latest(50)).anyMatch(e -> e.user().equals(name) && e.action().equals("login.refused"));
    }

    @Test
    void staffCannotOpenAdminPagesButAdminsCan() throws Exception {
        mvc.perform(get("/console/admin/users").with(user("s").roles("STAFF"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/admin/users").with(user("a").roles("ADMIN", "STAFF"))).andExpect(status().isOk());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndTheSessionLivesInRedis() throws Exception {
        String name = newUser(Role.STAFF);

        MvcResult login = mvc.perform(formLogin("/console/login").user(name).password(PASSWORD)).andReturn();

        String cookie = login.getResponse().getHeader("Set-Cookie");
        assertThat(cookie).startsWith("KEFU_CONSOLE=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(redis.keys(prefix() + "console:session*")).isNotEmpty();
    }

    @Test
    void pagesCarryAContentPolicyThatAllowsOnlyTheBotsOwnScripts() throws Exception {
        mvc.perform(get("/console/login")).andExpect(header().string("Content-Security-Policy",
                org.hamcrest.Matchers.containsString("script-src 'self'")));
    }
}

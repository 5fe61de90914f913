package kefu.console.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles the form's POST. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class LoginController {

    @GetMapping("/console/login")
    public String login() {
        return "console/login";
    }

    @GetMapping({"/console", "/console/"})
    public String home() {
        return "redirect:/console/overview";
    }
}

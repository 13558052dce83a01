package dev.tora.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.it.Api;
import dev.tora.it.ToraDeployment;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The page frame in a real browser: theme toggle, workspaces, API keys, form errors from the server. */
@ExtendWith(ArquillianExtension.class)
class FrameUiIT {

    private static Browser browser;
    private final Api api = Api.local();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ToraDeployment.ear();
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private String background() {
        return (String) browser.js("return getComputedStyle(document.body).backgroundColor;");
    }

    @Test
    void theThemeToggleIsRememberedAfterReload() {
        browser.go("/keys");
        browser.js("localStorage.removeItem('tora.theme');");
        browser.reload();
        String first = (String) browser.js("return document.documentElement.dataset.theme;");
        String firstBackground = background();
        browser.click(By.id("theme-toggle"));
        String toggled = (String) browser.js("return document.documentElement.dataset.theme;");
        assertNotEquals(first, toggled);
        assertNotEquals(firstBackground, background());
        browser.reload();
        assertEquals(toggled, browser.js("return document.documentElement.dataset.theme;"));
        assertEquals(toggled, browser.js("return localStorage.getItem('tora.theme');"));
        String darkLink = (String) browser.js("return document.getElementById('tora-theme-dark').media;");
        assertEquals(toggled.equals("dark") ? "all" : "not all", darkLink);
    }

    @Test
    void aNewWorkspaceIsCreatedAndSwitchedTo() {
        browser.go("/");
        browser.click(By.id("new-workspace"));
        browser.id("new-workspace-form:ws-name").sendKeys("vision team");
        browser.click(By.id("new-workspace-form:ws-create"));
        browser.until(d -> d.getCurrentUrl().contains("workspace="));
        String id = browser.driver().getCurrentUrl().replaceAll(".*workspace=([0-9a-f-]+).*", "$1");
        JsonObject ws = api.get("/workspaces/" + id).data().asJsonObject();
        assertEquals("vision team", ws.getString("name"));
        assertEquals("vision team", browser.id("workspace_label").getText());
        // an empty workspace shows how to log to this server and this workspace
        String python = browser.id("python-snippet").getText();
        assertTrue(python.contains("server_url=\"" + browser.base() + "/api\"") && python.contains("workspace_id=\"" + id + "\""),
                python);
        assertTrue(browser.id("java-snippet").getText().contains(".workspaceId(\"" + id + "\")"));
    }

    @Test
    void aWorkspaceWithoutANameShowsTheServersMessageByTheField() {
        browser.go("/");
        browser.click(By.id("new-workspace"));
        browser.click(By.id("new-workspace-form:ws-create"));
        WebElement message = browser.visible(By.cssSelector("[id='new-workspace-form:ws-name'] ~ .ui-message-error, .ui-message-error"));
        assertTrue(message.getText().contains("name"), message.getText());
        assertTrue(browser.driver().getCurrentUrl().endsWith("/"), browser.driver().getCurrentUrl());
    }

    @Test
    void anApiKeyIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        browser.go("/keys");
        browser.id("create-form:key-name").sendKeys("browser key");
        browser.click(By.id("create-form:create-key"));
        WebElement shown = browser.id("created-key");
        String key = shown.getAttribute("value");
        assertTrue(key.startsWith("tora_") && key.length() > 40, key);
        assertEquals(200, api.withKey(key).get("/workspaces").status());

        browser.js("PF('createdKeyDialog').hide();");
        browser.settle();
        browser.reload();
        assertTrue(!browser.driver().getPageSource().contains(key), "the key is never shown again");
        WebElement row = browser.visible(By.xpath("//tr[td[normalize-space(.)='browser key']]"));
        row.findElement(By.xpath(".//button[.//span[text()='Revoke']]")).click();
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        browser.until(d -> browser.visible(By.xpath("//tr[td[normalize-space(.)='browser key']]")).getText().contains("revoked"));
        assertEquals(401, api.withKey(key).get("/workspaces").status());
    }
}

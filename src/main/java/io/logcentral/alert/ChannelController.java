package io.logcentral.alert;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /admin/channels}: where notifications go. */
@RestController
@RequestMapping("/admin/channels")
class ChannelController {

    private final ChannelService channels;

    ChannelController(ChannelService channels) {
        this.channels = channels;
    }

    @GetMapping
    List<ChannelView> list() {
        return channels.list();
    }

    @PostMapping
    ResponseEntity<ChannelView> create(@RequestBody JsonNode body) {
        ChannelView created = channels.create(body);
        return ResponseEntity.created(URI.create("/admin/channels/" + created.name()))
                .body(created);
    }

    @GetMapping("/{name}")
    ChannelView get(@PathVariable String name) {
        return channels.get(name);
    }

    @PutMapping("/{name}")
    ChannelView update(@PathVariable String name, @RequestBody JsonNode body) {
        return channels.update(name, body);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        channels.delete(name);
    }
}

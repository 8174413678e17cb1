/** The web page operators keep open: served from the jar, it reads logs through the HTTP API with the user's token. */
@NullMarked
package io.logcentral.ui;

import org.jspecify.annotations.NullMarked;

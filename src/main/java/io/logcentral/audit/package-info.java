/** The audit trail: who did which admin action, when and from where, kept for a time of its own. */
@NullMarked
package io.logcentral.audit;

import org.jspecify.annotations.NullMarked;

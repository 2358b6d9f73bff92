/** The one training loop shared by every generator family. */
package org.atelier.training;

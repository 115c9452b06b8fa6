"""Output: the reporters of a check (:mod:`.reporters`) and the review-meeting report (:mod:`.report`). They format; they compute nothing."""

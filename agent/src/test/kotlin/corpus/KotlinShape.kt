package corpus

/**
 * A shape of WeaverCorpusTest as kotlinc writes it: parameter null checks on entry (Intrinsics), an inlined lambda,
 * string templates, a companion's static twin (@JvmStatic). Read as a class file by the test, never loaded by it.
 */
class KotlinShape {
    private val base = 7

    fun run(code: Int, name: String): Int {
        var shifted = code
        shifted += 1000
        val total = name.fold(shifted.toLong()) { sum, char -> sum + char.code }
        if (name == "throw") {
            throw IllegalStateException("thrown by $name")
        }
        return (total + total / 2 / 2).toInt() + base
    }

    companion object {
        @JvmStatic
        fun twice(code: Int, name: String): Int {
            if (name == "throw") {
                throw IllegalStateException("thrown")
            }
            return code * 2
        }
    }
}

"""The message catalogue: every sentence cnai writes for people, in English, Korean and Chinese.

One entry per key, one string per language, with `str.format` fields (`{name}`, `{stated}`).
Views, the fact-checker and the CLI's notices read it through `say`; a test fails when a key
lacks a language or the languages disagree on the fields a message uses.
"""

from __future__ import annotations

LANGS = ("en", "ko", "zh")

MESSAGES: dict[str, tuple[str, str, str]] = {
    # -- cnai check: the article's date
    "check.date.option": (
        "Article date: {date} (--date)",
        "기사 날짜: {date} (--date 지정)",
        "文章日期：{date}（--date 指定）",
    ),
    "check.date.dateline": (
        "Article date: {date} (the dateline)",
        "기사 날짜: {date} (기사에 적힌 날짜)",
        "文章日期：{date}（文中电头日期）",
    ),
    "check.date.text": (
        "Article date: {date} (no dateline: the latest date the text mentions; --date sets it)",
        "기사 날짜: {date} (날짜 표기가 없어 본문에 나온 가장 늦은 날짜를 씀; --date로 지정 가능)",
        "文章日期：{date}（无电头日期，取正文提到的最晚日期；可用 --date 指定）",
    ),
    "check.date.today": (
        "Article date: {date} (no date in the text: today; --date sets it)",
        "기사 날짜: {date} (본문에 날짜가 없어 오늘 날짜를 씀; --date로 지정 가능)",
        "文章日期：{date}（正文无日期，取今天；可用 --date 指定）",
    ),
    "check.nothing": (
        "No statement the registry can check was found.",
        "레지스트리로 검증할 수 있는 문장을 찾지 못했습니다.",
        "未找到可用注册表核查的陈述。",
    ),
    "check.counts": ("{counts}", "{counts}", "{counts}"),
    # -- names
    "check.name.wrong": (
        "'{written}' is not a real model name; the model is {real}",
        "'{written}'은(는) 실제 모델 이름이 아니다. 모델 이름은 {real}이다",
        "“{written}”并非真实的模型名称，该模型名为 {real}",
    ),
    "check.unknown": (
        "the registry has no model named '{written}': not judged",
        "레지스트리에 '{written}'라는 모델이 없어 판정하지 않음",
        "注册表中没有名为“{written}”的模型，未作判断",
    ),
    # -- conversions
    "check.conversion.no_rate": (
        "no {pair} rate in the registry to check the conversion",
        "레지스트리에 {pair} 환율이 없어 환산을 검증할 수 없음",
        "注册表中没有 {pair} 汇率，无法核查换算",
    ),
    "check.conversion.right": (
        "{stated} for {amount} implies {implied} {pair}; at {rate} {pair} ({date}) it is {recomputed}: within {pct}%",
        "기사: {amount} ≈ {stated} (환율 {implied} {pair}); {date} 환율 {rate} {pair}로 환산하면 {recomputed}: 차이 {pct}% 이내",
        "{amount}折合{stated}，隐含汇率 {implied} {pair}；按 {date} 汇率 {rate} {pair} 为 {recomputed}：误差在 {pct}% 以内",
    ),
    "check.conversion.fraction": (
        "{stated} for {amount} implies {implied} {pair}; at {rate} {pair} ({date}) it is {recomputed}: the stated figure is 1/{factor} of it",
        "기사: {amount} ≈ {stated} (환율 {implied} {pair}); {date} 환율 {rate} {pair}로 환산하면 {recomputed}: 기사 수치는 그 {factor}분의 1",
        "{amount}折合{stated}，隐含汇率 {implied} {pair}；按 {date} 汇率 {rate} {pair} 应为 {recomputed}：文中数字只有其{factor}分之一",
    ),
    "check.conversion.multiple": (
        "{stated} for {amount} implies {implied} {pair}; at {rate} {pair} ({date}) it is {recomputed}: the stated figure is {factor}× it",
        "기사: {amount} ≈ {stated} (환율 {implied} {pair}); {date} 환율 {rate} {pair}로 환산하면 {recomputed}: 기사 수치가 {factor}배 큼",
        "{amount}折合{stated}，隐含汇率 {implied} {pair}；按 {date} 汇率 {rate} {pair} 应为 {recomputed}：文中数字是其{factor}倍",
    ),
    "check.conversion.off": (
        "{stated} for {amount} implies {implied} {pair}; at {rate} {pair} ({date}) it is {recomputed}: {pct}% off",
        "기사: {amount} ≈ {stated} (환율 {implied} {pair}); {date} 환율 {rate} {pair}로 환산하면 {recomputed}: {pct}% 차이",
        "{amount}折合{stated}，隐含汇率 {implied} {pair}；按 {date} 汇率 {rate} {pair} 应为 {recomputed}：相差 {pct}%",
    ),
    "check.conversion.near": (
        "{stated} for {amount} implies {implied} {pair}; at {rate} {pair} ({date}) it is {recomputed}: {pct}%, "
        "within what rates move between dates (--date sets the article's date)",
        "기사: {amount} ≈ {stated} (환율 {implied} {pair}); {date} 환율 {rate} {pair}로 환산하면 {recomputed}: {pct}% 차이로, "
        "날짜에 따른 환율 변동 범위 안 (--date로 기사 날짜 지정)",
        "{amount}折合{stated}，隐含汇率 {implied} {pair}；按 {date} 汇率 {rate} {pair} 为 {recomputed}：相差 {pct}%，"
        "在不同日期汇率波动范围内（可用 --date 指定文章日期）",
    ),
    # -- funding
    "check.funding.right": (
        "matches {fund}: {value} ({date})",
        "레지스트리와 일치 — {fund}: {value} ({date})",
        "与{fund}一致：{value}（{date}）",
    ),
    # -- parameters
    "check.params.unknown": (
        "the registry has no parameter count for {name}",
        "레지스트리에 {name}의 파라미터 수가 없음",
        "注册表中没有 {name} 的参数量",
    ),
    "check.params.right": ("{name}: {stated} parameters", "{name}: 파라미터 {stated}", "{name}：参数量 {stated}"),
    "check.params.active": (
        "{name}: {stated} active parameters per token",
        "{name}: 토큰당 활성 파라미터 {stated}",
        "{name}：每个词元激活参数 {stated}",
    ),
    "check.params.is_total": (
        "{stated} is the total parameter count of {name} ({known}), not the active one",
        "{stated}은(는) {name}의 전체 파라미터 수({known})이지 활성 파라미터 수가 아님",
        "{stated} 是 {name} 的总参数量（{known}），不是激活参数量",
    ),
    "check.params.is_active": (
        "{stated} is the active parameter count of {name} ({known}), not the total",
        "{stated}은(는) {name}의 활성 파라미터 수({known})이지 전체 파라미터 수가 아님",
        "{stated} 是 {name} 的激活参数量（{known}），不是总参数量",
    ),
    "check.params.fraction": (
        "{name} has {known} parameters (total/active): {stated} is 1/{factor} of a registry figure",
        "{name}의 파라미터는 {known}(전체/활성): {stated}은(는) 레지스트리 수치의 {factor}분의 1",
        "{name} 的参数量为 {known}（总/激活）：{stated} 只有注册表数值的{factor}分之一",
    ),
    "check.params.multiple": (
        "{name} has {known} parameters (total/active): {stated} is {factor}× a registry figure",
        "{name}의 파라미터는 {known}(전체/활성): {stated}은(는) 레지스트리 수치의 {factor}배",
        "{name} 的参数量为 {known}（总/激活）：{stated} 是注册表数值的{factor}倍",
    ),
    "check.params.family_other": (
        "no {name} model in the registry has {stated} parameters (it holds {known})",
        "레지스트리의 {name} 모델 중 파라미터가 {stated}인 것은 없음 (등록된 값: {known})",
        "注册表中没有参数量为 {stated} 的 {name} 模型（已收录：{known}）",
    ),
    "check.params.wrong": (
        "{name} has {known} parameters (total/active), not {stated}",
        "{name}의 파라미터는 {known}(전체/활성)이며 {stated}이(가) 아님",
        "{name} 的参数量为 {known}（总/激活），不是 {stated}",
    ),
    # -- context
    "check.context.unknown": (
        "the registry has no context length for {name}",
        "레지스트리에 {name}의 컨텍스트 길이가 없음",
        "注册表中没有 {name} 的上下文长度",
    ),
    "check.context.right": (
        "{name}: context of {stated} tokens (registry: {known})",
        "{name}: 컨텍스트 {stated} 토큰 (레지스트리: {known})",
        "{name}：上下文 {stated} 词元（注册表：{known}）",
    ),
    "check.context.longer": (
        "{name} takes at most {longest} tokens, not {stated}",
        "{name}의 최대 컨텍스트는 {longest} 토큰이며 {stated}이(가) 아님",
        "{name} 最多支持 {longest} 词元，不是 {stated}",
    ),
    "check.context.other": (
        "{name}: the registry holds {known} tokens; {stated} is within it but not a figure the vendor gives",
        "{name}: 레지스트리 값은 {known} 토큰; {stated}은(는) 그 범위 안이지만 개발사가 밝힌 수치가 아님",
        "{name}：注册表为 {known} 词元；{stated} 在其范围内，但不是厂商公布的数字",
    ),
    # -- release dates
    "check.release.unknown": (
        "the registry has no release date for {name}",
        "레지스트리에 {name}의 공개일이 없음",
        "注册表中没有 {name} 的发布日期",
    ),
    "check.release.right": ("{name} was released on {known}", "{name} 공개일은 {known}", "{name} 发布于 {known}"),
    "check.release.timezone": (
        "{name} is dated {known} by its vendor; {stated} is a day apart, which time zones explain",
        "개발사가 밝힌 {name} 공개일은 {known}; {stated}과(와) 하루 차이로, 시간대 차이로 설명됨",
        "厂商标注 {name} 发布于 {known}；与 {stated} 相差一天，属时区差异",
    ),
    "check.release.month_day": (
        "{name} was released on {known}; the text gives no year ({stated}) and no article date: month and day agree",
        "{name} 공개일은 {known}; 본문에 연도({stated})와 기사 날짜가 없어 월·일만 비교했고 일치함",
        "{name} 发布于 {known}；正文未写年份（{stated}）且无文章日期，仅比较月日，一致",
    ),
    "check.release.no_year": (
        "the text gives no year ({stated}) and no article date; {name} is dated {known} (--date sets the article's date)",
        "본문에 연도({stated})와 기사 날짜가 없음; {name} 공개일은 {known} (--date로 기사 날짜 지정)",
        "正文未写年份（{stated}）且无文章日期；{name} 发布于 {known}（可用 --date 指定文章日期）",
    ),
    "check.release.partial": (
        "the registry dates {name} only to {known}",
        "레지스트리에는 {name} 공개 시점이 {known}까지만 있음",
        "注册表中 {name} 的发布日期只精确到 {known}",
    ),
    "check.release.wrong": (
        "{name} was released on {known}, not {stated}",
        "{name} 공개일은 {known}이며 {stated}이(가) 아님",
        "{name} 发布于 {known}，不是 {stated}",
    ),
    "check.release.family_other": (
        "no {name} model in the registry was released on {stated} (first: {known})",
        "레지스트리의 {name} 모델 중 {stated}에 공개된 것은 없음 (첫 공개 {known})",
        "注册表中没有在 {stated} 发布的 {name} 模型（首发 {known}）",
    ),
    # -- benchmarks
    "check.benchmark.none": (
        "the registry holds no {bench} figure for {name}",
        "레지스트리에 {name}의 {bench} 점수가 없음",
        "注册表中没有 {name} 的 {bench} 成绩",
    ),
    "check.benchmark.right_self": (
        "{name} on {bench}: {stated} as reported by its vendor ({setting})",
        "{name}의 {bench} 점수 {stated}: 개발사 자체 발표 ({setting})",
        "{name} 在 {bench} 上为 {stated}：厂商自报（{setting}）",
    ),
    "check.benchmark.right": (
        "{name} on {bench}: {stated} ({setting})",
        "{name}의 {bench} 점수 {stated} ({setting})",
        "{name} 在 {bench} 上为 {stated}（{setting}）",
    ),
    "check.benchmark.wrong": (
        "the registry holds {known} for {bench}, not {stated}",
        "레지스트리의 {bench} 점수는 {known}이며 {stated}이(가) 아님",
        "注册表中的 {bench} 成绩为 {known}，不是 {stated}",
    ),
    "check.benchmark.other": (
        "the registry holds {known} for {bench}; {stated} may be another setting",
        "레지스트리의 {bench} 점수는 {known}; {stated}은(는) 다른 측정 조건일 수 있음",
        "注册表中的 {bench} 成绩为 {known}；{stated} 可能是其他测评设置",
    ),
    # -- licences, open weights, architecture, languages
    "check.license.unknown": (
        "the registry has no licence for {name}",
        "레지스트리에 {name}의 라이선스가 없음",
        "注册表中没有 {name} 的许可证",
    ),
    "check.license.right": ("{name} is licensed {known}", "{name} 라이선스: {known}", "{name} 的许可证为 {known}"),
    "check.license.other": (
        "the registry holds {known} for {name}, not {stated}, but not for every model",
        "레지스트리의 {name} 라이선스는 {known}으로 {stated}이(가) 아니지만 모든 모델의 값이 있지는 않음",
        "注册表中 {name} 的许可证为 {known}，不是 {stated}，但并非每个模型都有记录",
    ),
    "check.license.wrong": (
        "{name} is licensed {known}, not {stated}",
        "{name} 라이선스는 {known}이며 {stated}이(가) 아님",
        "{name} 的许可证为 {known}，不是 {stated}",
    ),
    "check.open.unknown": (
        "the registry does not say whether {name}'s weights are published",
        "레지스트리에 {name}의 가중치 공개 여부가 없음",
        "注册表未记录 {name} 是否开放权重",
    ),
    "check.open.right": ("{name}'s weights are published", "{name}의 가중치는 공개됨", "{name} 已开放权重"),
    "check.open.closed": (
        "{name}'s weights are not published",
        "{name}의 가중치는 공개되지 않음",
        "{name} 未开放权重",
    ),
    "check.closed.right": (
        "{name}'s weights are not published",
        "{name}의 가중치는 공개되지 않음",
        "{name} 未开放权重",
    ),
    "check.closed.open": (
        "{name}'s weights are published",
        "{name}의 가중치는 공개됨",
        "{name} 已开放权重",
    ),
    "check.open.mixed": (
        "some {name} models have published weights, some do not",
        "{name} 모델 중 일부만 가중치가 공개됨",
        "{name} 系列中只有部分模型开放权重",
    ),
    "check.arch.unknown": (
        "the registry does not say whether {name} is MoE or dense",
        "레지스트리에 {name}의 구조(MoE/Dense)가 없음",
        "注册表未记录 {name} 是 MoE 还是稠密架构",
    ),
    "check.arch.right": ("{name} is {stated}", "{name}은(는) {stated} 구조", "{name} 为 {stated} 架构"),
    "check.arch.some": (
        "only some {name} models are {stated} ({some}); not {others}",
        "{name} 중 일부({some})만 {stated} 구조이고 {others}은(는) 아님",
        "{name} 中只有部分模型（{some}）为 {stated} 架构，{others} 不是",
    ),
    "check.arch.flagship": (
        "{name} is {stated} in its flagship {flagship}; other sizes differ ({others}), but the text names none of them",
        "{name}의 대표 모델 {flagship}은(는) {stated} 구조; 다른 크기({others})는 다르지만 본문은 그중 어느 것도 언급하지 않음",
        "{name} 的旗舰 {flagship} 为 {stated} 架构；其他规模（{others}）不同，但正文未提及",
    ),
    "check.release.launch": (
        "{name} first came out on {known}; {stated} is no release date of it the registry knows",
        "{name}은(는) {known}에 처음 공개됐으며, {stated}은(는) 레지스트리가 아는 공개일이 아님",
        "{name} 首发于 {known}；{stated} 不是注册表所知的任何发布日期",
    ),
    "check.arch.wrong": (
        "{name} is not {stated} ({others})",
        "{name}은(는) {stated} 구조가 아님 ({others})",
        "{name} 不是 {stated} 架构（{others}）",
    ),
    "check.languages.unknown": (
        "the registry has no language count for {name}",
        "레지스트리에 {name}의 지원 언어 수가 없음",
        "注册表中没有 {name} 的支持语言数",
    ),
    "check.languages.right": (
        "{name} supports {known} languages and dialects by its vendor's count",
        "개발사 집계로 {name}의 지원 언어·방언은 {known}개",
        "按厂商统计，{name} 支持 {known} 种语言和方言",
    ),
    "check.languages.other": (
        "the registry holds {known} languages for {name}, not {stated}, but not for every model",
        "레지스트리의 {name} 지원 언어 수는 {known}개로 {stated}개가 아니지만 모든 모델의 값이 있지는 않음",
        "注册表中 {name} 的支持语言数为 {known}，不是 {stated}，但并非每个模型都有记录",
    ),
    "check.languages.wrong": (
        "{name} supports {known} languages, not {stated}",
        "{name}의 지원 언어 수는 {known}개이며 {stated}개가 아님",
        "{name} 支持 {known} 种语言，不是 {stated} 种",
    ),
}


def say(key: str, lang: str, **fields: object) -> str:
    """The message `key` in `lang` (en when the language is unknown), its fields filled in."""
    entry = MESSAGES[key]
    template = entry[LANGS.index(lang)] if lang in LANGS else entry[0]
    return template.format(**fields)

"""The back office's words in Chinese (zh_CN, the default) and English (the source
text). Templates and messages call ``t("English text")``."""

from __future__ import annotations

from collections.abc import Callable

LANGS = ("zh_CN", "en")

ZH: dict[str, str] = {
    # layout
    "HQ back office": "总部后台", "Dashboard": "经营看板", "Statements": "结算单",
    "Alerts": "预警", "Fleet": "终端", "Members and cards": "会员与卡", "Members": "会员",
    "Program": "方案与商品",
    "Users": "用户", "Audit log": "审计日志", "Sign out": "退出", "Sign in": "登录",
    "Login": "账号", "Password": "密码", "Name": "姓名", "Role": "角色",
    "Wrong login or password.": "账号或密码错误。",
    "Too many wrong passwords: this login is locked for 15 minutes.":
        "密码错误次数过多：该账号已锁定15分钟。",
    "Your session has ended. Please sign in again.": "会话已过期，请重新登录。",
    "You may not do this.": "您无权执行此操作。", "Not found.": "未找到。",
    "Done.": "已完成。", "Language": "语言",
    # roles
    "admin": "总部管理员", "program_manager": "会员方案经理", "accountant": "加盟商会计",
    "store_manager": "店长", "auditor": "审计员",
    # where figures come from (docs/scaling.md)
    "Figures from the reporting replica, as of": "数据来自报表副本库，截至",
    "behind by": "落后",
    "Figures from the main database: the reporting replica is not available":
        "数据来自主库：报表副本库不可用",
    # dashboard
    "Month": "月份", "Show": "查看", "Chain": "全连锁", "Franchisee": "加盟商",
    "Store": "门店", "Day": "日期", "Sales": "销售额", "Orders": "单数",
    "Average ticket": "客单价", "VIP sales": "会员销售额", "VIP sales share": "会员销售占比",
    "VIP count": "消费会员数", "New VIPs": "新会员", "Repurchase rate": "复购率",
    "Frequency": "购买频次", "Dormant 3 months": "休眠卡(3个月)",
    "Lost 6 months": "流失卡(6个月)",
    "Customer pyramid": "客户金字塔", "Points issued": "发放积分",
    "Points redeemed": "兑换积分", "Points expired": "过期积分",
    "Stored value sold": "储值售出", "Stored value spent": "储值消费",
    "Outstanding": "未用余额", "Principal": "本金", "Bonus": "赠送",
    "Sales per day": "每日销售", "VIP share per day": "每日会员占比",
    "Points per day": "每日积分", "Stored value per day": "每日储值",
    "Members as of month end": "月末会员", "Per day": "按日", "Per store": "按门店",
    "Per franchisee": "按加盟商", "Sales by store": "门店销售", "Sales by franchisee":
        "加盟商销售",
    "A platinum": "A 白金", "B gold": "B 黄金", "C iron": "C 钢铁", "D lead": "D 重铅",
    "sold": "售出", "spent": "消费", "Total": "合计",
    "Member figures are as of the month's last day.": "会员指标截至月末。",
    "Member figures of some stores are from": "部分门店的会员指标计算于",
    "the nightly refresh brings them up to date.": "夜间刷新后更新。",
    # statements
    "Settlement statement": "结算单", "Settlement statements": "结算单",
    "Kind": "类别", "Net": "净额", "Points": "积分", "Items": "笔数", "owes": "应付",
    "Stored value": "储值", "Approve": "确认", "Approved": "已确认",
    "Approved by both sides": "双方已确认", "Not yet approved": "未确认",
    "Locked": "已锁定", "Lock month": "锁定月份", "approved by": "确认人",
    "Events behind the figures": "明细事件", "Date": "日期", "Debtor": "付款方",
    "Creditor": "收款方", "Amount": "金额", "Event": "事件",
    "Export CSV": "导出 CSV", "Export PDF": "导出 PDF", "Open": "打开",
    "No settlement this month.": "本月无结算。", "carried from": "转自",
    "Changed since approval": "确认后有变动", "Status": "状态",
    "shown": "显示", "of": "共",
    # alerts
    "open": "待处理", "acknowledged": "已确认", "resolved": "已解决", "All": "全部",
    "Acknowledge": "确认收到", "Resolve": "解决", "Note": "说明", "When": "时间",
    "Terminal": "终端", "Detail": "详情", "Filter": "筛选",
    "offline_overdraft": "离线透支", "rewind": "终端回退", "fork": "事件链分叉",
    "quarantine": "隔离事件", "rejected": "拒收事件", "unreadable": "无法读取",
    "clock_skew": "时钟偏差", "coupon_reused": "券重复使用", "epoch": "终端恢复",
    "No alerts.": "没有预警。", "Resolved by": "解决人",
    # fleet
    "Last sync": "最近同步", "Events waiting": "待上传事件", "Offline budget used":
        "离线额度已用", "Version": "版本", "Clock skew": "时钟偏差",
    "Chain head": "事件链头", "Revoke": "吊销", "Revoked": "已吊销",
    "Register a terminal": "登记终端", "Offline budget": "离线额度",
    "Register": "登记", "Token (shown once: give it to the store now)":
        "令牌（仅显示一次：请立即交给门店）",
    "Revoke this terminal's token?": "确定吊销该终端的令牌？",
    # members
    "Card or mobile number": "卡号或手机号", "Search": "查询", "Card": "卡",
    "Phone": "手机", "ID number": "证件号", "Tier": "等级", "Home store": "开卡门店",
    "Enrolled": "入会日期", "Balance": "余额", "Reveal": "显示", "Reason": "原因",
    "History across stores": "跨店记录", "What": "事项", "Block (lost card)":
        "挂失（全连锁停用）", "Block": "挂失", "Adjust": "调整",
    "Ask for an adjustment": "申请调整", "Adjustments waiting for approval": "待审批调整",
    "Requested by": "申请人", "Refuse": "拒绝", "No member found.": "未找到会员。",
    "principal": "本金", "bonus": "赠送", "points": "积分", "active": "正常",
    "blocked": "已挂失", "replaced": "已换卡", "sale": "销售", "refund": "退货",
    "topup": "充值", "adjustment": "调整",
    "Amount (yuan, or points; negative takes away)": "金额（元或积分；负数为扣减）",
    "Blocked for offline use": "离线停用",
    # program
    "Program (TOML)": "会员方案 (TOML)", "Catalog (CSV)": "商品目录 (CSV)",
    "Check": "校验", "Preview": "预览", "Publish": "发布", "Start at": "生效时间",
    "now": "立即", "Published version": "已发布版本", "Scheduled": "计划发布",
    "Sample cart (SKU or barcode*qty, one per line)": "样例购物车（SKU或条码*数量，每行一件）",
    "Coupon": "优惠券", "Item": "商品", "Qty": "数量",
    "Paid wholly from stored value": "全额储值支付",
    "Before": "发布前", "After": "发布后", "Checks passed.": "校验通过。",
    "Problems": "问题", "Warnings": "提示", "Cancel": "取消", "waiting": "等待中",
    "published": "已发布", "cancelled": "已取消", "No member": "非会员",
    # users / audit
    "Add a user": "新增用户", "Stores (space-separated)": "门店（空格分隔）",
    "Active": "启用", "Locked until": "锁定至", "Save": "保存",
    "New password": "新密码", "Set password": "设置密码", "Deactivate": "停用",
    "Activate": "启用", "Action": "操作", "Target": "对象", "Who": "人员", "Where": "来源",
    # staff performance
    "Staff performance": "员工业绩", "Staff": "员工",
    "VIP share": "会员销售占比", "Enrollments": "办卡数", "Card-sale commission": "售卡提成",
    "Not credited (membership not offered)": "未计业绩（未邀请入会）",
    "No sales this month.": "本月无销售。",
}


def translator(lang: str) -> Callable[[str], str]:
    if lang == "en":
        return lambda text: text
    return lambda text: ZH.get(text, text)
